package dev.beak.nn.metric;

import dev.beak.tensor.Tensor;

/** Classification accuracy: the arg-max of each output row against the label (class index or one-hot row). */
public final class Accuracy {
    private Accuracy() {}

    /** Number of rows of {@code output} (N, K) whose arg-max equals the label. */
    public static int correct(Tensor output, Tensor labels) {
        int n = output.dim(0), k = output.size() / Math.max(n, 1);
        float[] o = output.data(), y = labels.data();
        boolean oneHot = labels.rank() == 2;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            int predicted = argmax(o, i * k, k);
            int truth = oneHot ? argmax(y, i * k, k) : (int) y[i];
            if (predicted == truth) hits++;
        }
        return hits;
    }

    /** Index of the largest of {@code a[off .. off+k)} (the first on ties). */
    public static int argmax(float[] a, int off, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) if (a[off + j] > a[off + best]) best = j;
        return best;
    }
}
