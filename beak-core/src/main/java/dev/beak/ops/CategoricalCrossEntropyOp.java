package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Cross-entropy of class probabilities (a softmax output), averaged over the batch. For logits use
 * {@link SoftmaxCrossEntropyOp}, which is fused and stable.
 *
 * <p>Shapes: probabilities p (N, K); labels (N) class indices or (N, K) target rows t.
 * Loss: {@code mean_n( -sum_k t_nk log(clip(p_nk, eps, 1-eps)) )} with Keras' eps 1e-7.
 * Gradient: {@code dp = -t / (p N)} inside the clip range, zero outside. Labels get no gradient.
 */
public final class CategoricalCrossEntropyOp {
    private CategoricalCrossEntropyOp() {}

    public static Tensor apply(Tensor probabilities, Tensor labels) {
        LossTargets.requireMatrix("categorical cross-entropy", probabilities);
        int n = probabilities.dim(0), k = probabilities.dim(1);
        float[] p = probabilities.data(), t = LossTargets.distribution("categorical cross-entropy", labels, n, k);
        double eps = BinaryCrossEntropyOp.EPSILON;
        double sum = 0;
        for (int i = 0; i < p.length; i++) if (t[i] != 0f) sum -= t[i] * Math.log(Math.clamp(p[i], eps, 1 - eps));
        if (!Double.isFinite(sum) && p.length > 0) {
            throw new IllegalArgumentException("categorical cross-entropy: probabilities " + Shape.toString(probabilities.shape())
                    + " hold a NaN (is the output a softmax?)");
        }
        return Autograd.record(Tensor.scalar((float) (sum / n)), "CategoricalCrossEntropy", g -> {
            float[] dp = probabilities.gradBuffer();
            double scale = g[0] / (double) n;
            for (int i = 0; i < p.length; i++) {
                if (t[i] != 0f && p[i] > eps && p[i] < 1 - eps) dp[i] -= (float) (t[i] / p[i] * scale);
            }
        }, probabilities);
    }
}
