package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.ops.PoolWindow;

import java.util.SplittableRandom;

/**
 * 1-d power-average pooling, {@code y = (sum over the window of |x|^p)^(1/p)} (as {@link LpPool2d}).
 * Shapes: input (N, C, L); output (N, C, oL) with {@code oL = floor((L + before + after - pool) / stride) + 1}.
 */
public record LpPool1d(float p, int pool, int stride, Padding padding, boolean ceilMode) implements LayerSpec {
    public LpPool1d {
        if (!(p >= 1)) throw new IllegalArgumentException("LpPool1d: p must be >= 1, got " + p);
        Shapes1d.check1d("LpPool1d", pool, stride, 1, padding);
    }

    public LpPool1d withStride(int s) {
        return new LpPool1d(p, pool, s, padding, ceilMode);
    }

    public LpPool1d withPadding(Padding pad) {
        return new LpPool1d(p, pool, stride, pad, ceilMode);
    }

    @Override public String baseName() { return "lp_pooling1d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes1d.sequence(type(), inputs);
        return new int[] {in[0], PoolWindow.of(new int[] {1, in[0], 1, in[1]}, 1, pool, 1, stride, 1, 1, padding, ceilMode).oW()};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.lpPool1d(x[0], p, pool, stride, padding, ceilMode);
    }
}
