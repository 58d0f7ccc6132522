package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Gram matrix of feature maps, the style statistic of Gatys, Ecker and Bethge (2016, "Image Style
 * Transfer Using Convolutional Neural Networks"): the channel-by-channel inner products, averaged
 * over positions.
 *
 * <p>Shapes: x (N, C, H, W) (or any (N, C, ...)); y (N, C, C) with
 * {@code y[n,i,j] = sum_p x[n,i,p] x[n,j,p] / P}, P = H*W. Backward (y is symmetric in its factors):
 * {@code dx[n] = (dy[n] + dy[n]ᵀ) x[n] / P}.
 */
public final class GramOp {
    private GramOp() {}

    public static Tensor apply(Tensor x) {
        if (x.rank() < 3) throw new IllegalArgumentException("gram: input must be (N, C, H, W), got " + Shape.toString(x.shape()));
        int n = x.dim(0), c = x.dim(1), p = x.size() / Math.max(1, n * c);
        float[] in = x.data(), y = new float[n * c * c];
        double inv = 1.0 / Math.max(1, p);
        for (int b = 0; b < n; b++) {
            int xb = b * c * p, yb = b * c * c;
            // Upper triangle, mirrored: C(C+1)/2 dot products of length P.
            for (int i = 0; i < c; i++) {
                for (int j = i; j < c; j++) {
                    double s = 0;
                    for (int k = 0; k < p; k++) s += in[xb + i * p + k] * in[xb + j * p + k];
                    y[yb + i * c + j] = y[yb + j * c + i] = (float) (s * inv);
                }
            }
        }
        return Autograd.record(Tensor.of(y, n, c, c), "Gram", dy -> {
            float[] dx = x.gradBuffer();
            for (int b = 0; b < n; b++) {
                int xb = b * c * p, yb = b * c * c;
                for (int i = 0; i < c; i++) {
                    for (int j = 0; j < c; j++) {
                        float w = (float) ((dy[yb + i * c + j] + dy[yb + j * c + i]) * inv);
                        if (w == 0f) continue;
                        for (int k = 0; k < p; k++) dx[xb + i * p + k] += w * in[xb + j * p + k];
                    }
                }
            }
        }, x);
    }
}
