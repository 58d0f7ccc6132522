package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Parallel;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Local response normalisation across channels (Krizhevsky, Sutskever and Hinton, 2012, "ImageNet
 * Classification with Deep Convolutional Neural Networks", section 3.3), in ONNX's and PyTorch's form,
 * where alpha is divided by the window size (the paper's alpha is ONNX's {@code alpha / size}):
 *
 * <pre>{@code y[c] = x[c] / (k + alpha / size * sum_{c' in window(c)} x[c']^2)^beta}</pre>
 *
 * <p>The window of channel c is {@code [c - floor((size-1)/2), c + ceil((size-1)/2)]}, clipped to
 * the channels. AlexNet used size 5, alpha 1e-4 (per window value), beta 0.75, k 2.
 * Shapes: x (N, C, *); y has x's shape.
 */
public final class LocalResponseNormOp {
    private LocalResponseNormOp() {}

    public static Tensor apply(Tensor x, int size, float alpha, float beta, float k) {
        if (x.rank() < 2 || size < 1) {
            throw new IllegalArgumentException("LocalResponseNorm expects input (N, C, *) and size >= 1, got "
                    + Shape.toString(x.shape()) + " and size " + size);
        }
        int n = x.dim(0), c = x.dim(1), s = x.size() / (n * c), lo = (size - 1) / 2, hi = size - 1 - lo;
        float[] in = x.data(), y = new float[in.length], denom = new float[in.length], scale = new float[in.length];
        double a = (double) alpha / size;
        // Per sample, per channel: denom = k + a * (sum of squares over the channel window). The window's
        // planes are added in channel order into a row of sums, each plane read contiguously.
        Parallel.forRange(n * c, (from, to) -> {
            double[] sums = new double[s];
            for (int nc = from; nc < to; nc++) {
                int i = nc / c, ch = nc % c, o = nc * s;
                java.util.Arrays.fill(sums, 0);
                for (int cc = Math.max(0, ch - lo), e = Math.min(c - 1, ch + hi); cc <= e; cc++) {
                    for (int p = 0, q = (i * c + cc) * s; p < s; p++) {
                        float v = in[q + p];
                        sums[p] += v * v;
                    }
                }
                for (int p = 0; p < s; p++) {
                    double sq = sums[p];
                    denom[o + p] = (float) (k + a * sq);
                    scale[o + p] = (float) powNeg(denom[o + p], beta);
                    y[o + p] = in[o + p] * scale[o + p];
                }
            }
        });
        return Autograd.record(Tensor.of(y, x.shape()), "LocalResponseNorm", dy -> {
            float[] dx = x.gradBuffer();
            // t = dy * y / denom; dx[j] = dy[j] * denom[j]^-beta - 2 a beta x[j] * sum_{i : j in window(i)} t[i].
            float[] t = new float[in.length];
            for (int i = 0; i < t.length; i++) t[i] = dy[i] * y[i] / denom[i];
            Parallel.forRange(n * c, (from, to) -> {
                for (int nc = from; nc < to; nc++) {
                    int i = nc / c, ch = nc % c, o = nc * s;
                    for (int p = 0; p < s; p++) {
                        double sum = 0;
                        for (int cc = Math.max(0, ch - hi), e = Math.min(c - 1, ch + lo); cc <= e; cc++) sum += t[(i * c + cc) * s + p];
                        dx[o + p] += (float) (dy[o + p] * scale[o + p] - 2 * a * beta * in[o + p] * sum);
                    }
                }
            });
        }, x);
    }

    /** {@code d^-beta} for d > 0; AlexNet's 0.75 and 0.5 by square roots, several times faster than {@code Math.pow}. */
    private static double powNeg(double d, float beta) {
        if (beta == 0.75f) {
            double r = Math.sqrt(d);
            return 1 / (r * Math.sqrt(r));
        }
        if (beta == 0.5f) return 1 / Math.sqrt(d);
        return Math.pow(d, -beta);
    }
}
