package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;

/**
 * Multi-class hinge loss in the Crammer and Singer (2001) form, averaged over the batch:
 * {@code mean_n max(0, 1 + max_{j != y_n} z_nj - z_n,y_n)}. (Keras' {@code categorical_hinge} takes
 * the maximum over {@code (1-t) z}, which counts the true class as a 0 score; this is the textbook form.)
 *
 * <p>Shapes: scores z (N, K); labels (N) class indices or (N, K) one-hot rows.
 * Gradient, for rows with a positive margin: {@code +1/N} at the best wrong class, {@code -1/N} at the
 * true class. Labels get no gradient.
 */
public final class CategoricalHingeOp {
    private CategoricalHingeOp() {}

    public static Tensor apply(Tensor scores, Tensor labels) {
        LossTargets.requireMatrix("categorical hinge", scores);
        int n = scores.dim(0), k = scores.dim(1);
        if (k < 2) throw new IllegalArgumentException("categorical hinge needs at least 2 classes, got " + k);
        int[] y = LossTargets.classIndices("categorical hinge", labels, n, k);
        float[] z = scores.data();
        int[] rival = new int[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int o = i * k, best = y[i] == 0 ? 1 : 0;
            for (int j = 0; j < k; j++) if (j != y[i] && z[o + j] > z[o + best]) best = j;
            double margin = 1.0 + z[o + best] - z[o + y[i]];
            rival[i] = margin > 0 ? best : -1;
            if (margin > 0) sum += margin;
        }
        return Autograd.record(Tensor.scalar((float) (sum / n)), "CategoricalHinge", g -> {
            float[] dz = scores.gradBuffer();
            float scale = g[0] / n;
            for (int i = 0; i < n; i++) {
                if (rival[i] < 0) continue;
                dz[i * k + rival[i]] += scale;
                dz[i * k + y[i]] -= scale;
            }
        }, scores);
    }
}
