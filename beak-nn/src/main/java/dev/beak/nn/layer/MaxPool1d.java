package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.ops.PoolWindow;

import java.util.SplittableRandom;

/**
 * 1-d max pooling. Shapes: input (N, C, L); output (N, C, oL) with
 * {@code oL = floor((L + before + after - dilation*(pool-1) - 1) / stride) + 1} (ceil in ceil mode).
 * Padding: {@link Padding#VALID}, {@link Padding#SAME}, or {@code new Padding.Explicit(0, 0, before, after)}.
 */
public record MaxPool1d(int pool, int stride, int dilation, Padding padding, boolean ceilMode) implements LayerSpec {
    public MaxPool1d {
        Shapes1d.check1d("MaxPool1d", pool, stride, dilation, padding);
    }

    public MaxPool1d withStride(int s) {
        return new MaxPool1d(pool, s, dilation, padding, ceilMode);
    }

    public MaxPool1d withPadding(Padding p) {
        return new MaxPool1d(pool, stride, dilation, p, ceilMode);
    }

    public MaxPool1d withDilation(int d) {
        return new MaxPool1d(pool, stride, d, padding, ceilMode);
    }

    public MaxPool1d withCeilMode(boolean ceil) {
        return new MaxPool1d(pool, stride, dilation, padding, ceil);
    }

    @Override public String baseName() { return "max_pooling1d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes1d.sequence(type(), inputs);
        return new int[] {in[0], PoolWindow.of(new int[] {1, in[0], 1, in[1]}, 1, pool, 1, stride, 1, dilation, padding, ceilMode).oW()};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.maxPool1d(x[0], pool, stride, dilation, padding, ceilMode);
    }
}
