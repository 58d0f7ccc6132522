package dev.beak.nn.train;

import dev.beak.dataset.Dataset;

/**
 * How to fit: epochs, batch size, optional validation data, the shuffling seed and a listener.
 * {@snippet : FitOptions.epochs(3).batchSize(64).validation(test) }
 */
public record FitOptions(int epochs, int batchSize, Dataset validation, long seed, TrainingListener listener) {
    public FitOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (listener == null) listener = TrainingListener.NONE;
    }

    public static FitOptions epochs(int epochs) {
        return new FitOptions(epochs, 32, null, 0, TrainingListener.NONE);
    }

    public FitOptions batchSize(int b) {
        return new FitOptions(epochs, b, validation, seed, listener);
    }

    public FitOptions validation(Dataset v) {
        return new FitOptions(epochs, batchSize, v, seed, listener);
    }

    public FitOptions seed(long s) {
        return new FitOptions(epochs, batchSize, validation, s, listener);
    }

    public FitOptions listener(TrainingListener l) {
        return new FitOptions(epochs, batchSize, validation, seed, l);
    }
}
