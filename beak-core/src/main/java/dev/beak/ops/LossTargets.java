package dev.beak.ops;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/** Checks and conversions of loss targets shared by the loss ops; every failure names the loss. */
final class LossTargets {
    private LossTargets() {}

    /** Targets with as many values as the output and the same batch size: (N, ...) or (N) for (N, 1). */
    static float[] elementwise(String loss, Tensor output, Tensor targets) {
        if (targets.size() != output.size() || targets.rank() == 0 || output.rank() == 0 || targets.dim(0) != output.dim(0)) {
            throw new IllegalArgumentException(loss + ": targets " + Shape.toString(targets.shape()) + " do not match output "
                    + Shape.toString(output.shape()) + " (expected the same shape)");
        }
        return targets.data();
    }

    /** The output as (N, K) class scores. */
    static void requireMatrix(String loss, Tensor output) {
        if (output.rank() != 2) {
            throw new IllegalArgumentException(loss + ": output must be (N, K) class scores, got " + Shape.toString(output.shape()));
        }
    }

    /** One class index per row: labels (N) of indices, or (N, K) one-hot rows (the arg-max is taken). */
    static int[] classIndices(String loss, Tensor labels, int n, int k) {
        float[] y = labels.data();
        int[] c = new int[n];
        if (labels.rank() == 2 && labels.dim(0) == n && labels.dim(1) == k) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) if (y[i * k + j] > y[i * k + best]) best = j;
                c[i] = best;
            }
            return c;
        }
        if (labels.rank() != 1 || labels.dim(0) != n) {
            throw new IllegalArgumentException(loss + ": labels must be (" + n + ") class indices or (" + n + ", " + k
                    + ") one-hot rows, got " + Shape.toString(labels.shape()));
        }
        for (int i = 0; i < n; i++) {
            float v = y[i];
            if (!(v >= 0 && v < k) || v != Math.rint(v)) {
                throw new IllegalArgumentException(loss + ": label " + i + " of the batch is " + v
                        + ", expected a class index in 0.." + (k - 1));
            }
            c[i] = (int) v;
        }
        return c;
    }

    /** Labels as a dense (N, K) target matrix: one-hot rows as given, class indices expanded. */
    static float[] distribution(String loss, Tensor labels, int n, int k) {
        if (labels.rank() == 2 && labels.dim(0) == n && labels.dim(1) == k) return labels.data();
        int[] c = classIndices(loss, labels, n, k);
        float[] t = new float[n * k];
        for (int i = 0; i < n; i++) t[i * k + c[i]] = 1f;
        return t;
    }
}
