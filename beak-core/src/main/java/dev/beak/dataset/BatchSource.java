package dev.beak.dataset;

/**
 * Where training gets its batches, epoch after epoch: {@link Batches} (batches cut from a
 * {@link Dataset} on the calling thread) or a loader that decodes and augments on background threads.
 * Epoch numbers start at 1; an epoch's batches depend only on the source's seed and the epoch number.
 */
public interface BatchSource {
    /** Shape of one sample of every batch, for example {@code [3, 224, 224]}. */
    int[] sampleShape();

    /** Shapes of one sample of every model input; by default the one {@link #sampleShape()}. */
    default int[][] sampleShapes() {
        return new int[][] {sampleShape()};
    }

    /** Targets per sample (one per trained model output); by default 1. */
    default int targetCount() {
        return 1;
    }

    /** Number of batches per epoch (an estimate when samples can be skipped). */
    int batchCount();

    /** The batches of epoch {@code epoch}, to be iterated once. */
    Iterable<Batch> epoch(int epoch);
}
