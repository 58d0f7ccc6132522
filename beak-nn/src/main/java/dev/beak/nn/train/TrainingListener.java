package dev.beak.nn.train;

import dev.beak.nn.Model;

import java.util.List;

/**
 * Follows a {@code fit}: progress bars, loggers, early stopping, checkpoints. All methods default to
 * nothing. A listener ends training by answering {@link #stopRequested()} with true: the trainer asks
 * after every epoch and stops before the next one.
 */
public interface TrainingListener {
    /** Before the first epoch, with the built model being trained. */
    default void onFitStart(Model model) {}

    default void onEpochStart(int epoch, int epochs, int batches) {}

    /** After batch {@code batch} (1-based) with the running mean loss and accuracy of the epoch so far. */
    default void onBatchEnd(int batch, int batches, double loss, double accuracy, long images, double seconds) {}

    default void onEpochEnd(EpochLogs logs) {}

    /** After the last epoch (also when stopped early). */
    default void onFitEnd(History history) {}

    /** True to end training after the current epoch. */
    default boolean stopRequested() {
        return false;
    }

    TrainingListener NONE = new TrainingListener() {};

    /** One listener that calls each of {@code listeners} in order; it requests a stop when any of them does. */
    static TrainingListener all(TrainingListener... listeners) {
        List<TrainingListener> ls = List.of(listeners);
        return new TrainingListener() {
            @Override public void onFitStart(Model model) { ls.forEach(l -> l.onFitStart(model)); }

            @Override public void onEpochStart(int epoch, int epochs, int batches) { ls.forEach(l -> l.onEpochStart(epoch, epochs, batches)); }

            @Override
            public void onBatchEnd(int batch, int batches, double loss, double accuracy, long images, double seconds) {
                ls.forEach(l -> l.onBatchEnd(batch, batches, loss, accuracy, images, seconds));
            }

            @Override public void onEpochEnd(EpochLogs logs) { ls.forEach(l -> l.onEpochEnd(logs)); }

            @Override public void onFitEnd(History history) { ls.forEach(l -> l.onFitEnd(history)); }

            @Override public boolean stopRequested() { return ls.stream().anyMatch(TrainingListener::stopRequested); }
        };
    }
}
