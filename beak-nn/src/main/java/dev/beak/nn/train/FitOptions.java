package dev.beak.nn.train;

import dev.beak.dataset.Dataset;

/**
 * How to fit: epochs (the total, counting those of a resumed state), batch size, optional validation
 * data, the shuffling seed, a listener (several callbacks are combined into one with {@link #callbacks})
 * and optionally a {@link TrainingState} to continue from.
 * {@snippet : FitOptions.epochs(30).batchSize(64).validation(test).callbacks(EarlyStopping.on("val_loss", 3)) }
 */
public record FitOptions(int epochs, int batchSize, Dataset validation, long seed, TrainingListener listener, TrainingState resume,
                         NonFinite.Policy onNonFinite) {
    public FitOptions {
        if (onNonFinite == null) onNonFinite = NonFinite.Policy.STOP;
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (listener == null) listener = TrainingListener.NONE;
        if (resume != null && resume.seed() != seed) {
            throw new IllegalArgumentException("the state to resume was trained with seed " + resume.seed() + ", not " + seed
                    + " (resumeFrom sets it; set no other seed after it)");
        }
    }

    public FitOptions(int epochs, int batchSize, Dataset validation, long seed, TrainingListener listener) {
        this(epochs, batchSize, validation, seed, listener, null, NonFinite.Policy.STOP);
    }

    public FitOptions(int epochs, int batchSize, Dataset validation, long seed, TrainingListener listener, TrainingState resume) {
        this(epochs, batchSize, validation, seed, listener, resume, NonFinite.Policy.STOP);
    }

    /** What to do with a batch whose loss or gradients are not finite, or whose loss exploded (default: stop). */
    public FitOptions onNonFinite(NonFinite.Policy policy) {
        return new FitOptions(epochs, batchSize, validation, seed, listener, resume, policy);
    }

    public static FitOptions epochs(int epochs) {
        return new FitOptions(epochs, 32, null, 0, TrainingListener.NONE, null, NonFinite.Policy.STOP);
    }

    public FitOptions batchSize(int b) {
        return new FitOptions(epochs, b, validation, seed, listener, resume, onNonFinite);
    }

    public FitOptions validation(Dataset v) {
        return new FitOptions(epochs, batchSize, v, seed, listener, resume, onNonFinite);
    }

    public FitOptions seed(long s) {
        return new FitOptions(epochs, batchSize, validation, s, listener, resume, onNonFinite);
    }

    public FitOptions listener(TrainingListener l) {
        return new FitOptions(epochs, batchSize, validation, seed, l, resume, onNonFinite);
    }

    /**
     * Continues from {@code state} (and takes its seed): the optimizer state and random streams are
     * restored, the history is prefilled and the fit goes on with epoch {@code state.epochsDone() + 1}
     * up to {@link #epochs()}. The model must hold the weights saved with the state.
     */
    public FitOptions resumeFrom(TrainingState state) {
        return new FitOptions(epochs, batchSize, validation, state.seed(), listener, state, onNonFinite);
    }

    /** Adds callbacks after the current listener; they run in order. */
    public FitOptions callbacks(TrainingListener... more) {
        TrainingListener[] all = new TrainingListener[more.length + 1];
        all[0] = listener;
        System.arraycopy(more, 0, all, 1, more.length);
        return new FitOptions(epochs, batchSize, validation, seed, TrainingListener.all(all), resume, onNonFinite);
    }
}
