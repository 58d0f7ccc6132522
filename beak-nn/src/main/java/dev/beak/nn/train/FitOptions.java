package dev.beak.nn.train;

import dev.beak.dataset.Dataset;

/**
 * How to fit: epochs, batch size, optional validation data, the shuffling seed and a listener
 * (several callbacks are combined into one with {@link #callbacks}).
 * {@snippet : FitOptions.epochs(30).batchSize(64).validation(test).callbacks(EarlyStopping.on("val_loss", 3)) }
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

    /** Adds callbacks after the current listener; they run in order. */
    public FitOptions callbacks(TrainingListener... more) {
        TrainingListener[] all = new TrainingListener[more.length + 1];
        all[0] = listener;
        System.arraycopy(more, 0, all, 1, more.length);
        return new FitOptions(epochs, batchSize, validation, seed, TrainingListener.all(all));
    }
}
