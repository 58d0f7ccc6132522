package dev.beak.nn.train;

/**
 * How much {@code fit} prints, as Keras' {@code verbose}: {@link #SILENT} (0), {@link #BAR} (1: a bar per
 * epoch with loss, accuracy, images/s and ETA, then the epoch's line), {@link #EPOCH_LINES} (2: one line
 * per epoch). {@link #AUTO}, the default, is {@link #BAR} when standard output is a terminal and silent
 * otherwise, so that tests and batch jobs stay quiet unless asked.
 */
public enum Verbosity {
    AUTO, SILENT, BAR, EPOCH_LINES;

    /** Keras' numbers: 0 silent, 1 bar, 2 one line per epoch. */
    public static Verbosity of(int verbose) {
        return switch (verbose) {
            case 0 -> SILENT;
            case 1 -> BAR;
            case 2 -> EPOCH_LINES;
            default -> throw new IllegalArgumentException("verbose must be 0 (silent), 1 (bar) or 2 (one line per epoch), got " + verbose);
        };
    }

    /** The listener that prints this much on {@code System.out}/{@code System.err}, or none. */
    TrainingListener listener() {
        boolean terminal = ProgressBar.isTerminal();
        return switch (this) {
            case SILENT -> TrainingListener.NONE;
            case AUTO -> terminal ? ProgressBar.onSystemStreams(true) : TrainingListener.NONE;
            case BAR -> ProgressBar.onSystemStreams(terminal);
            case EPOCH_LINES -> ProgressBar.onSystemStreams(false);
        };
    }
}
