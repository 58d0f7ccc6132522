package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.ElementwiseKernel;
import dev.beak.kernel.Kernels;
import dev.beak.kernel.Parallel;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * Batch normalisation (Ioffe and Szegedy, 2015, "Batch Normalization: Accelerating Deep Network
 * Training by Reducing Internal Covariate Shift") over every axis but the channel axis 1.
 *
 * <p>Shapes: x (N, C) or (N, C, L) or (N, C, H, W), in general (N, C, *); gamma, beta, runningMean,
 * runningVar (C); y has x's shape. M = N * prod(*) values per channel.
 *
 * <p>Training ({@link #train}): {@code y = gamma * (x - mean) / sqrt(var + eps) + beta} with the batch
 * mean and the biased batch variance; the running statistics are updated in place, PyTorch-style,
 * {@code running = (1 - momentum) * running + momentum * batch}, with the unbiased variance
 * {@code var * M / (M - 1)}. (Keras' momentum 0.99 is PyTorch's 0.01.) Evaluation ({@link #eval}) uses
 * the running statistics. The running statistics never receive gradients.
 */
public final class BatchNormOp {
    private BatchNormOp() {}

    public static Tensor train(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar,
                               float momentum, float eps) {
        int n = x.dim(0), c = check(x, gamma, beta, runningMean, runningVar), s = x.size() / (n * c), m = n * s;
        if (m < 2) throw new IllegalArgumentException("BatchNorm in training needs more than one value per channel, got input " + Shape.toString(x.shape()));
        float[] in = x.data(), y = Workspace.floats(in.length), mean = new float[c], invStd = new float[c];
        float[] g = gamma.data(), b = beta.data(), rm = runningMean.data(), rv = runningVar.data();
        ElementwiseKernel k = Kernels.elementwise();
        Parallel.forRange(c, (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                // Two passes, summed in double: the mean first, then the variance about it (no cancellation).
                double sum = 0, sq = 0;
                for (int i = 0; i < n; i++) sum += k.sum(in, (i * c + ch) * s, (i * c + ch + 1) * s);
                double mu = sum / m;
                for (int i = 0; i < n; i++) sq += k.sumSquares(in, (i * c + ch) * s, (i * c + ch + 1) * s, (float) mu);
                double var = sq / m;
                mean[ch] = (float) mu;
                invStd[ch] = (float) (1 / Math.sqrt(var + eps));
                float scale = g[ch] * invStd[ch], shift = b[ch] - (float) mu * scale;
                for (int i = 0; i < n; i++) k.affine(in, y, (i * c + ch) * s, (i * c + ch + 1) * s, scale, shift);
                rm[ch] = (float) ((1 - momentum) * rm[ch] + momentum * mu);
                rv[ch] = (float) ((1 - momentum) * rv[ch] + momentum * var * m / (m - 1));
            }
        });
        return Autograd.record(Tensor.of(y, x.shape()), "BatchNorm", dy -> {
            float[] dx = x.requiresGrad() ? x.gradBuffer() : null;
            float[] dg = gamma.requiresGrad() ? gamma.gradBuffer() : null, db = beta.requiresGrad() ? beta.gradBuffer() : null;
            Parallel.forRange(c, (from, to) -> {
                for (int ch = from; ch < to; ch++) {
                    float mu = mean[ch], is = invStd[ch];
                    double sumDy = 0, sumDyXc = 0;
                    for (int i = 0; i < n; i++) {
                        int o = (i * c + ch) * s;
                        sumDy += k.sum(dy, o, o + s);
                        sumDyXc += k.sumProducts(dy, in, o, o + s, mu);
                    }
                    double sumDyXhat = sumDyXc * is;
                    if (dg != null) dg[ch] += (float) sumDyXhat;
                    if (db != null) db[ch] += (float) sumDy;
                    if (dx == null) continue;
                    // dx = gamma * invStd * (dy - mean(dy) - xhat * mean(dy * xhat)), xhat = (x - mu) * invStd
                    float scale = g[ch] * is, a = (float) (sumDy / m), bh = (float) (sumDyXhat / m) * is;
                    for (int i = 0; i < n; i++) k.normGradient(dy, in, dx, (i * c + ch) * s, (i * c + ch + 1) * s, scale, a, mu, bh);
                }
            });
        }, x, gamma, beta);
    }

    public static Tensor eval(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar, float eps) {
        int n = x.dim(0), c = check(x, gamma, beta, runningMean, runningVar), s = x.size() / (n * c);
        float[] in = x.data(), y = new float[in.length], invStd = new float[c], scale = new float[c], shift = new float[c];
        float[] g = gamma.data(), b = beta.data(), rm = runningMean.data(), rv = runningVar.data();
        for (int ch = 0; ch < c; ch++) {
            invStd[ch] = (float) (1 / Math.sqrt(rv[ch] + eps));
            scale[ch] = g[ch] * invStd[ch];
            shift[ch] = b[ch] - rm[ch] * scale[ch];
        }
        for (int i = 0; i < n * c; i++) {
            float k = scale[i % c], t = shift[i % c];
            for (int o = i * s, e = o + s; o < e; o++) y[o] = in[o] * k + t;
        }
        return Autograd.record(Tensor.of(y, x.shape()), "BatchNorm", dy -> {
            float[] dx = x.requiresGrad() ? x.gradBuffer() : null;
            double[] dg = new double[c], db = new double[c];
            for (int i = 0; i < n * c; i++) {
                int ch = i % c;
                for (int o = i * s, e = o + s; o < e; o++) {
                    if (dx != null) dx[o] += dy[o] * scale[ch];
                    dg[ch] += dy[o] * (in[o] - rm[ch]) * invStd[ch];
                    db[ch] += dy[o];
                }
            }
            if (gamma.requiresGrad()) for (int ch = 0; ch < c; ch++) gamma.gradBuffer()[ch] += (float) dg[ch];
            if (beta.requiresGrad()) for (int ch = 0; ch < c; ch++) beta.gradBuffer()[ch] += (float) db[ch];
        }, x, gamma, beta);
    }

    private static int check(Tensor x, Tensor... perChannel) {
        if (x.rank() < 2) throw new IllegalArgumentException("BatchNorm expects input (N, C, *), got " + Shape.toString(x.shape()));
        int c = x.dim(1);
        for (Tensor t : perChannel) {
            if (t.size() != c) {
                throw new IllegalArgumentException("BatchNorm: input " + Shape.toString(x.shape()) + " has " + c
                        + " channels, a parameter or statistic has shape " + Shape.toString(t.shape()));
            }
        }
        return c;
    }
}
