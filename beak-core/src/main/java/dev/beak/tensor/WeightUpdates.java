package dev.beak.tensor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A process-wide count of in-place weight updates (optimizer steps, restored best weights), so that
 * something derived from weights, such as an inference plan with batch norms folded into
 * convolutions, can tell that it is stale without comparing the weights. Code that writes parameter
 * values by other means calls {@link #record()} itself.
 */
public final class WeightUpdates {
    private static final AtomicLong COUNT = new AtomicLong();

    private WeightUpdates() {}

    /** Notes that some parameter values changed in place. */
    public static void record() {
        COUNT.incrementAndGet();
    }

    /** The number of updates so far: equal numbers mean no weights changed through Beak in between. */
    public static long generation() {
        return COUNT.get();
    }
}
