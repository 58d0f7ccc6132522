package dev.beak.nn.train;

import dev.beak.dataset.Dataset;

/**
 * How to fit: epochs (the total, counting those of a resumed state), batch size, optional validation
 * data, the shuffling seed, a listener (several callbacks are combined into one with {@link #callbacks}),
 * optionally a {@link TrainingState} to continue from, how much to print ({@link Verbosity}; by
 * default a progress bar on a terminal and nothing elsewhere) and what to do when values stop being
 * finite ({@link NonFinite.Policy}; by default stop).
 * {@snippet : FitOptions.epochs(30).batchSize(64).validation(test).callbacks(EarlyStopping.on("val_loss", 3)).verbose(2) }
 */
public record FitOptions(int epochs, int batchSize, Dataset validation, long seed, TrainingListener listener, TrainingState resume,
                         Verbosity verbosity, NonFinite.Policy onNonFinite) {
    public FitOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (listener == null) listener = TrainingListener.NONE;
        if (verbosity == null) verbosity = Verbosity.AUTO;
        if (onNonFinite == null) onNonFinite = NonFinite.Policy.STOP;
        if (resume != null && resume.seed() != seed) {
            throw new IllegalArgumentException("the state to resume was trained with seed " + resume.seed() + ", not " + seed
                    + " (resumeFrom sets it; set no other seed after it)");
        }
    }

    public FitOptions(int epochs, int batchSize, Dataset validation, long seed, TrainingListener listener, TrainingState resume) {
        this(epochs, batchSize, validation, seed, listener, resume, Verbosity.AUTO, NonFinite.Policy.STOP);
    }

    public FitOptions(int epochs, int batchSize, Dataset validation, long seed, TrainingListener listener) {
        this(epochs, batchSize, validation, seed, listener, null);
    }

    public static FitOptions epochs(int epochs) {
        return new FitOptions(epochs, 32, null, 0, TrainingListener.NONE, null);
    }

    public FitOptions batchSize(int b) {
        return new FitOptions(epochs, b, validation, seed, listener, resume, verbosity, onNonFinite);
    }

    public FitOptions validation(Dataset v) {
        return new FitOptions(epochs, batchSize, v, seed, listener, resume, verbosity, onNonFinite);
    }

    public FitOptions seed(long s) {
        return new FitOptions(epochs, batchSize, validation, s, listener, resume, verbosity, onNonFinite);
    }

    public FitOptions listener(TrainingListener l) {
        return new FitOptions(epochs, batchSize, validation, seed, l, resume, verbosity, onNonFinite);
    }

    /**
     * Continues from {@code state} (and takes its seed): the optimizer state and random streams are
     * restored, the history is prefilled and the fit goes on with epoch {@code state.epochsDone() + 1}
     * up to {@link #epochs()}. The model must hold the weights saved with the state.
     */
    public FitOptions resumeFrom(TrainingState state) {
        return new FitOptions(epochs, batchSize, validation, state.seed(), listener, state, verbosity, onNonFinite);
    }

    /** Adds callbacks after the current listener; they run in order. */
    public FitOptions callbacks(TrainingListener... more) {
        TrainingListener[] all = new TrainingListener[more.length + 1];
        all[0] = listener;
        System.arraycopy(more, 0, all, 1, more.length);
        return new FitOptions(epochs, batchSize, validation, seed, TrainingListener.all(all), resume, verbosity, onNonFinite);
    }

    /** Keras' {@code verbose}: 0 silent, 1 a progress bar per epoch, 2 one line per epoch. */
    public FitOptions verbose(int verbose) {
        return verbosity(Verbosity.of(verbose));
    }

    public FitOptions verbosity(Verbosity v) {
        return new FitOptions(epochs, batchSize, validation, seed, listener, resume, v, onNonFinite);
    }

    /** What to do with a batch whose loss or gradients are not finite, or whose loss exploded (default: stop). */
    public FitOptions onNonFinite(NonFinite.Policy policy) {
        return new FitOptions(epochs, batchSize, validation, seed, listener, resume, verbosity, policy);
    }

    /** The listener followed by the progress printer the verbosity asks for: what {@code fit} calls. */
    TrainingListener listeners() {
        TrainingListener printer = verbosity.listener();
        return printer == TrainingListener.NONE ? listener : TrainingListener.all(listener, printer);
    }
}
