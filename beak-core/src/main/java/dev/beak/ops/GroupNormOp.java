package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Parallel;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Group normalisation (Wu and He, 2018, "Group Normalization"): each sample's channels are split into
 * G groups, and each group is normalised over its channels and spatial positions, with the biased
 * variance; then a per-channel affine map. G = C is instance normalisation (Ulyanov et al., 2016);
 * G = 1 normalises the whole sample. No running statistics: training and evaluation agree.
 *
 * <p>Shapes: x (N, C, *); gamma, beta (C) or null (1 and 0); y has x's shape.
 * {@code y = gamma[c] * (x - mean[n,g]) / sqrt(var[n,g] + eps) + beta[c]}.
 */
public final class GroupNormOp {
    private GroupNormOp() {}

    public static Tensor apply(Tensor x, Tensor gamma, Tensor beta, int groups, float eps) {
        if (x.rank() < 2) throw new IllegalArgumentException("GroupNorm expects input (N, C, *), got " + Shape.toString(x.shape()));
        int c = x.dim(1);
        if (groups < 1 || c % groups != 0) {
            throw new IllegalArgumentException("GroupNorm: " + c + " channels of input " + Shape.toString(x.shape())
                    + " cannot be split into " + groups + " groups");
        }
        for (Tensor t : new Tensor[] {gamma, beta}) {
            if (t != null && t.size() != c) {
                throw new IllegalArgumentException("GroupNorm: input " + Shape.toString(x.shape()) + " has " + c
                        + " channels, gamma/beta have shape " + Shape.toString(t.shape()));
            }
        }
        return normalize("GroupNorm", x, gamma, beta, groups, x.size() / (x.dim(0) * c), eps);
    }

    /**
     * The shared kernel: rows of {@code m} contiguous values (N*G rows), normalised each; value i of
     * row r takes the affine entry {@code (r % groups) * (m / spatial) + i / spatial}.
     */
    static Tensor normalize(String op, Tensor x, Tensor gamma, Tensor beta, int groups, int spatial, float eps) {
        int rows = x.dim(0) * groups, m = x.size() / rows, perRow = m / spatial;
        float[] in = x.data(), y = new float[in.length], mean = new float[rows], invStd = new float[rows];
        float[] g = gamma == null ? null : gamma.data(), b = beta == null ? null : beta.data();
        Parallel.forRange(rows, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o0 = r * m, a0 = (r % groups) * perRow;
                double sum = 0, sq = 0;
                for (int i = 0; i < m; i++) sum += in[o0 + i];
                double mu = sum / m;
                for (int i = 0; i < m; i++) sq += (in[o0 + i] - mu) * (in[o0 + i] - mu);
                float fm = (float) mu, is = (float) (1 / Math.sqrt(sq / m + eps));
                mean[r] = fm;
                invStd[r] = is;
                for (int i = 0; i < m; i++) {
                    int a = a0 + i / spatial;
                    y[o0 + i] = (in[o0 + i] - fm) * is * (g == null ? 1f : g[a]) + (b == null ? 0f : b[a]);
                }
            }
        });
        return Autograd.record(Tensor.of(y, x.shape()), op, dy -> {
            if (gamma != null && gamma.requiresGrad() || beta != null && beta.requiresGrad()) {
                // Serial: rows share affine entries.
                float[] dg = gamma != null && gamma.requiresGrad() ? gamma.gradBuffer() : null;
                float[] db = beta != null && beta.requiresGrad() ? beta.gradBuffer() : null;
                for (int r = 0; r < rows; r++) {
                    int o0 = r * m, a0 = (r % groups) * perRow;
                    for (int i = 0; i < m; i++) {
                        int a = a0 + i / spatial;
                        if (dg != null) dg[a] += dy[o0 + i] * (in[o0 + i] - mean[r]) * invStd[r];
                        if (db != null) db[a] += dy[o0 + i];
                    }
                }
            }
            if (!x.requiresGrad()) return;
            float[] dx = x.gradBuffer();
            Parallel.forRange(rows, (from, to) -> {
                for (int r = from; r < to; r++) {
                    int o0 = r * m, a0 = (r % groups) * perRow;
                    float mu = mean[r], is = invStd[r];
                    // With dxhat = dy * gamma: dx = invStd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)).
                    double s1 = 0, s2 = 0;
                    for (int i = 0; i < m; i++) {
                        double d = dy[o0 + i] * (g == null ? 1f : g[a0 + i / spatial]);
                        s1 += d;
                        s2 += d * (in[o0 + i] - mu) * is;
                    }
                    float a = (float) (s1 / m), bh = (float) (s2 / m);
                    for (int i = 0; i < m; i++) {
                        float d = dy[o0 + i] * (g == null ? 1f : g[a0 + i / spatial]);
                        dx[o0 + i] += is * (d - a - (in[o0 + i] - mu) * is * bh);
                    }
                }
            });
        }, x, gamma, beta);
    }
}
