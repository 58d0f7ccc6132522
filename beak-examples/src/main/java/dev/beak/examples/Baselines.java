package dev.beak.examples;

import dev.beak.dataset.TensorDataset;

/**
 * The simple baselines the examples beat: the class most frequent in the training labels, and softmax
 * regression on the raw inputs (a linear model, no convolutions).
 */
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

    /** Adam steps that bring softmax regression near convergence on these data sets: fewer flatter the network beside it. */
    public static final int CONVERGED_STEPS = 6000;

    /** Epochs of batches of 64 that give {@code samples} samples at least {@link #CONVERGED_STEPS} steps (10 at least). */
    public static int convergedEpochs(int samples) {
        return Math.max(10, -Math.floorDiv(-CONVERGED_STEPS * 64, Math.max(1, samples)));
    }

    /** Test accuracy of softmax regression (one Dense layer on the flattened input), trained with Adam in batches of 64. */
    public static double softmaxRegression(TensorDataset train, TensorDataset test, int classes, int epochs, long seed) {
        int features = train.x().size() / train.size();
        dev.beak.nn.Model linear = dev.beak.nn.Sequential.of(dev.beak.nn.layer.Layers.flatten(), dev.beak.nn.layer.Layers.dense(classes))
                .named("softmax_regression").seed(seed).withInputShape(train.sampleShape())
                .compile(new dev.beak.nn.optim.Adam(1e-3), new dev.beak.nn.loss.CrossEntropy());
        linear.fit(train, dev.beak.nn.train.FitOptions.epochs(epochs).batchSize(64).seed(seed));
        return linear.evaluate(test, 256).accuracy();
    }
}
