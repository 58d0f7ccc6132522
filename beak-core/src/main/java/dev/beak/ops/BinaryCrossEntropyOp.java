package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;

/**
 * Binary cross-entropy averaged over every element, from logits or from probabilities.
 *
 * <p>Shapes: output (N, ...); targets t in [0, 1], the same shape (or (N) for an (N, 1) output).
 * <ul>
 * <li>{@link #fromLogits}: {@code l = max(z, 0) - z t + log(1 + exp(-|z|))}, which equals
 *     {@code -t log σ(z) - (1-t) log(1-σ(z))} without overflow for any z. Gradient {@code σ(z) - t}.</li>
 * <li>{@link #fromProbabilities}: p is clipped to {@code [eps, 1-eps]} (Keras' epsilon, 1e-7) so
 *     the log stays finite; {@code l = -t log p - (1-t) log(1-p)}. Gradient
 *     {@code (p - t) / (p (1-p))} inside the clip range, zero outside.</li>
 * </ul>
 * Every gradient is divided by the element count. Targets get no gradient.
 */
public final class BinaryCrossEntropyOp {
    /** The probability clip of the probability form. */
    public static final double EPSILON = 1e-7;

    private BinaryCrossEntropyOp() {}

    public static Tensor fromLogits(Tensor logits, Tensor targets) {
        float[] z = logits.data(), t = LossTargets.elementwise("binary cross-entropy", logits, targets);
        int size = z.length;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double zi = z[i];
            sum += Math.max(zi, 0) - zi * t[i] + Math.log1p(Math.exp(-Math.abs(zi)));
        }
        return Autograd.record(Tensor.scalar((float) (sum / size)), "BinaryCrossEntropyWithLogits", g -> {
            float[] dz = logits.gradBuffer();
            float scale = g[0] / size;
            for (int i = 0; i < size; i++) dz[i] += (float) (sigmoid(z[i]) - t[i]) * scale;
        }, logits);
    }

    public static Tensor fromProbabilities(Tensor probabilities, Tensor targets) {
        float[] p = probabilities.data(), t = LossTargets.elementwise("binary cross-entropy", probabilities, targets);
        int size = p.length;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double pi = Math.clamp(p[i], EPSILON, 1 - EPSILON);
            sum -= t[i] * Math.log(pi) + (1 - t[i]) * Math.log(1 - pi);
        }
        return Autograd.record(Tensor.scalar((float) (sum / size)), "BinaryCrossEntropy", g -> {
            float[] dp = probabilities.gradBuffer();
            double scale = g[0] / (double) size;
            for (int i = 0; i < size; i++) {
                double pi = p[i];
                if (pi > EPSILON && pi < 1 - EPSILON) dp[i] += (float) ((pi - t[i]) / (pi * (1 - pi)) * scale);
            }
        }, probabilities);
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
