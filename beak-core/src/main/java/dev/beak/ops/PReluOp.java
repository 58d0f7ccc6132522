package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Parametric ReLU (He et al., 2015, "Delving Deep into Rectifiers"): {@code y = x} if {@code x > 0},
 * else {@code slope[c] * x}, with a learned slope per channel (or one shared slope).
 *
 * <p>Shapes: x (N, C, *); slope (C) or (1); y has x's shape.
 */
public final class PReluOp {
    private PReluOp() {}

    public static Tensor apply(Tensor x, Tensor slope) {
        int c = x.rank() < 2 ? 1 : x.dim(1);
        if (slope.size() != c && slope.size() != 1) {
            throw new IllegalArgumentException("PRelu: input " + Shape.toString(x.shape()) + " has " + c
                    + " channels, slope has shape " + Shape.toString(slope.shape()) + " (expected (" + c + ",) or (1,))");
        }
        int s = x.size() / (x.dim(0) * c), k = slope.size();
        float[] in = x.data(), a = slope.data(), y = new float[in.length];
        for (int i = 0; i < in.length; i++) y[i] = in[i] > 0 ? in[i] : a[k == 1 ? 0 : i / s % c] * in[i];
        return Autograd.record(Tensor.of(y, x.shape()), "PRelu", dy -> {
            if (x.requiresGrad()) {
                float[] dx = x.gradBuffer();
                for (int i = 0; i < dy.length; i++) dx[i] += in[i] > 0 ? dy[i] : a[k == 1 ? 0 : i / s % c] * dy[i];
            }
            if (slope.requiresGrad()) {
                float[] da = slope.gradBuffer();
                for (int i = 0; i < dy.length; i++) if (in[i] <= 0) da[k == 1 ? 0 : i / s % c] += dy[i] * in[i];
            }
        }, x, slope);
    }
}
