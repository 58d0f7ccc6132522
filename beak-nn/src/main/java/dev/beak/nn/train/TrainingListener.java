package dev.beak.nn.train;

/** Follows a {@code fit}: progress bars, loggers, early stopping. All methods default to nothing. */
public interface TrainingListener {
    default void onEpochStart(int epoch, int epochs, int batches) {}

    /** After batch {@code batch} (1-based) with the running mean loss and accuracy of the epoch so far. */
    default void onBatchEnd(int batch, int batches, double loss, double accuracy, long images, double seconds) {}

    default void onEpochEnd(EpochLogs logs) {}

    TrainingListener NONE = new TrainingListener() {};
}
