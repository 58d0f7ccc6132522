package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Maxout (Goodfellow et al., 2013, "Maxout Networks"): the C input channels, read as C/k groups of
 * k consecutive linear pieces, give one output channel each, their maximum.
 *
 * <p>Shapes: x (N, C, *) with k dividing C; y (N, C/k, *); {@code y[n, j] = max_{i<k} x[n, j*k + i]}.
 * The gradient goes to the first maximum; NaN propagates.
 */
public final class MaxoutOp {
    private MaxoutOp() {}

    public static Tensor apply(Tensor x, int k) {
        if (x.rank() < 2 || k < 1 || x.dim(1) % k != 0) {
            throw new IllegalArgumentException("Maxout: input " + Shape.toString(x.shape()) + " cannot be split into groups of "
                    + k + " channels");
        }
        int[] shape = x.shape();
        int n = shape[0], groups = shape[1] / k, s = x.size() / (n * shape[1]);
        shape[1] = groups;
        float[] in = x.data(), y = new float[n * groups * s];
        int[] argmax = new int[y.length];
        for (int ng = 0; ng < n * groups; ng++) {
            int src = ng * k * s;
            for (int p = 0; p < s; p++) {
                int best = src + p;
                for (int i = 1; i < k && !Float.isNaN(in[best]); i++) {
                    int at = src + i * s + p;
                    if (in[at] > in[best] || Float.isNaN(in[at])) best = at;
                }
                y[ng * s + p] = in[best];
                argmax[ng * s + p] = best;
            }
        }
        return Autograd.record(Tensor.of(y, shape), "Maxout", dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) dx[argmax[i]] += dy[i];
        }, x);
    }
}
