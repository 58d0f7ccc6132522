package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.ops.PoolWindow;

import java.util.SplittableRandom;

/**
 * 1-d average pooling with ceil mode and count-include-pad (as {@link AvgPool2d}). Shapes: input
 * (N, C, L); output (N, C, oL) with {@code oL = floor((L + before + after - pool) / stride) + 1}.
 * Padding: VALID, SAME, or {@code new Padding.Explicit(0, 0, before, after)}.
 */
public record AvgPool1d(int pool, int stride, Padding padding, boolean ceilMode, boolean countIncludePad) implements LayerSpec {
    public AvgPool1d {
        Shapes1d.check1d("AvgPool1d", pool, stride, 1, padding);
    }

    public AvgPool1d withStride(int s) {
        return new AvgPool1d(pool, s, padding, ceilMode, countIncludePad);
    }

    public AvgPool1d withPadding(Padding p) {
        return new AvgPool1d(pool, stride, p, ceilMode, countIncludePad);
    }

    public AvgPool1d withCeilMode(boolean ceil) {
        return new AvgPool1d(pool, stride, padding, ceil, countIncludePad);
    }

    public AvgPool1d withCountIncludePad(boolean include) {
        return new AvgPool1d(pool, stride, padding, ceilMode, include);
    }

    @Override public String baseName() { return "average_pooling1d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes1d.sequence(type(), inputs);
        return new int[] {in[0], PoolWindow.of(new int[] {1, in[0], 1, in[1]}, 1, pool, 1, stride, 1, 1, padding, ceilMode).oW()};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.avgPool1d(x[0], pool, stride, padding, ceilMode, countIncludePad);
    }
}
