package dev.beak.examples;

import dev.beak.dataset.TensorDataset;

/** The simplest baselines: always answer the class most frequent in the training labels. */
public final class Baselines {
    private Baselines() {}

    /** Accuracy on {@code test} of predicting the training set's most frequent class. */
    public static double majority(TensorDataset train, TensorDataset test, int classes) {
        int[] counts = new int[classes];
        for (float y : train.y().data()) counts[(int) y]++;
        int best = 0;
        for (int c = 1; c < classes; c++) if (counts[c] > counts[best]) best = c;
        int hit = 0;
        for (float y : test.y().data()) if ((int) y == best) hit++;
        return hit / (double) test.size();
    }
}
