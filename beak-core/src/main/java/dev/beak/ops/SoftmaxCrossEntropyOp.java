package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * Softmax cross-entropy from logits, averaged over the batch, fused for stability.
 *
 * <p>Shapes: logits (N, K); labels (N) of class indices 0..K-1, or (N, K) of target distributions
 * (one-hot rows). Loss: {@code mean_n( logsumexp(z_n) - sum_k t_nk z_nk )}, a scalar.
 * Gradient: {@code dz = (softmax(z) - t) / N}, components under {@link #TINY} in magnitude dropped.
 * Labels get no gradient.
 */
public final class SoftmaxCrossEntropyOp {
    /** Gradient components smaller than this are dropped (confident predictions give softmax tails of 1e-40). */
    static final float TINY = 1e-30f;

    private SoftmaxCrossEntropyOp() {}

    public static Tensor apply(Tensor logits, Tensor labels) {
        if (logits.rank() != 2) throw new IllegalArgumentException("cross-entropy logits must be (N, K), got " + Shape.toString(logits.shape()));
        int n = logits.dim(0), k = logits.dim(1);
        float[] t = targets(labels, n, k);
        float[] z = logits.data(), p = Workspace.floats(n * k);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int o = i * k;
            SoftmaxOp.softmaxRow(z, p, o, k);
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) max = Math.max(max, z[o + j]);
            double sumExp = 0;
            for (int j = 0; j < k; j++) sumExp += Math.exp(z[o + j] - max);
            double logSumExp = max + Math.log(sumExp);
            for (int j = 0; j < k; j++) if (t[o + j] != 0f) loss += t[o + j] * (logSumExp - z[o + j]);
        }
        Tensor out = Tensor.scalar((float) (loss / n));
        return Autograd.record(out, "SoftmaxCrossEntropy", dy -> {
            float[] dz = logits.gradBuffer();
            float scale = dy[0] / n;
            for (int i = 0; i < dz.length; i++) {
                float d = (p[i] - t[i]) * scale;
                // Below TINY a gradient changes no float32 weight, yet its products in the layers below
                // are subnormal, which the FPU handles a hundred times slower: drop it.
                if (!(Math.abs(d) < TINY)) dz[i] += d;
            }
        }, logits);
    }

    /** Labels as a dense (N, K) target matrix, validating class indices. */
    private static float[] targets(Tensor labels, int n, int k) {
        float[] y = labels.data();
        if (labels.rank() == 2 && labels.dim(0) == n && labels.dim(1) == k) return y;
        if (labels.rank() != 1 || labels.dim(0) != n) {
            throw new IllegalArgumentException("labels must be (" + n + ") class indices or (" + n + ", " + k
                    + ") one-hot rows, got " + Shape.toString(labels.shape()));
        }
        float[] t = Workspace.zeros(n * k);
        for (int i = 0; i < n; i++) {
            float c = y[i];
            if (!(c >= 0 && c < k) || c != Math.rint(c)) {
                throw new IllegalArgumentException("label " + i + " of the batch is " + c + ", expected a class index in 0.." + (k - 1));
            }
            t[i * k + (int) c] = 1f;
        }
        return t;
    }
}
