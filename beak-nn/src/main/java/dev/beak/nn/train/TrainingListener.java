package dev.beak.nn.train;

import dev.beak.nn.Model;

import java.util.List;
import java.util.function.Supplier;

/**
 * Follows a {@code fit}: progress bars, loggers, early stopping, checkpoints. All methods default to
 * nothing. A listener ends training by answering {@link #stopRequested()} with true: the trainer asks
 * after every epoch and stops before the next one.
 */
public interface TrainingListener {
    /** Before the first epoch, with the built model being trained. */
    default void onFitStart(Model model) {}

    /**
     * Right after {@link #onFitStart} when the fit continues from a {@link TrainingState}: the epochs
     * done before, so that a listener can pick up where it was (a logger rewrites them, early stopping
     * replays them).
     */
    default void onResume(History earlier) {}

    default void onEpochStart(int epoch, int epochs, int batches) {}

    /** After batch {@code batch} (1-based) with the running mean loss and accuracy of the epoch so far. */
    default void onBatchEnd(int batch, int batches, double loss, double accuracy, long images, double seconds) {}

    default void onEpochEnd(EpochLogs logs) {}

    /**
     * After every {@link #onEpochEnd}, for checkpoints: {@code state.get()} builds the training state
     * (once per epoch; it shares the optimizer's buffers, so write it out before returning).
     */
    default void onCheckpoint(Supplier<TrainingState> state) {}

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

            @Override public void onResume(History earlier) { ls.forEach(l -> l.onResume(earlier)); }

            @Override public void onEpochStart(int epoch, int epochs, int batches) { ls.forEach(l -> l.onEpochStart(epoch, epochs, batches)); }

            @Override
            public void onBatchEnd(int batch, int batches, double loss, double accuracy, long images, double seconds) {
                ls.forEach(l -> l.onBatchEnd(batch, batches, loss, accuracy, images, seconds));
            }

            @Override public void onEpochEnd(EpochLogs logs) { ls.forEach(l -> l.onEpochEnd(logs)); }

            @Override public void onCheckpoint(Supplier<TrainingState> state) { ls.forEach(l -> l.onCheckpoint(state)); }

            @Override public void onFitEnd(History history) { ls.forEach(l -> l.onFitEnd(history)); }

            @Override public boolean stopRequested() { return ls.stream().anyMatch(TrainingListener::stopRequested); }
        };
    }
}
