package dev.beak.nn;

import java.util.Locale;

/**
 * Batch sizes that fit in the JVM's heap ({@link Runtime#maxMemory}, set by {@code -Xmx}), from the
 * model's {@link ModelProfile}: a training batch that cannot fit is refused before the first step with
 * the estimate and what to do, and evaluation takes the largest batch up to the one asked for that
 * fits in half the heap still free (results do not depend on the evaluation batch size). The last
 * estimate is kept so that an {@link OutOfMemoryError} can still be explained in one line.
 */
public final class MemoryPlan {
    private MemoryPlan() {}

    private static volatile String lastEstimate;

    /** The largest evaluation batch up to {@code wanted} whose activations fit in half the free heap (at least 1). */
    public static int evaluationBatch(Model model, int[] sampleShape, int wanted) {
        ModelProfile p = ModelProfile.of(model, sampleShape);
        long perSample = Math.max(1, 2 * p.activationBytes());   // activations plus the workspace's copies and gradients-free scratch
        Runtime r = Runtime.getRuntime();
        long free = r.maxMemory() - (r.totalMemory() - r.freeMemory());
        long fits = Math.max(1, free / 2 / perSample);
        lastEstimate = String.format(Locale.ROOT, "evaluation of %s needs about %s per image", model.name(), megabytes(perSample));
        return (int) Math.min(wanted, fits);
    }

    /**
     * Refuses a training batch whose step needs more than the whole heap, naming the estimate, the
     * largest batch that would fit and the {@code -Xmx} that would take this one.
     */
    public static void checkTrainingBatch(Model model, int[] sampleShape, int batch, String flag) {
        ModelProfile p = ModelProfile.of(model, sampleShape);
        long need = p.trainingBytes(batch), max = Runtime.getRuntime().maxMemory();
        lastEstimate = String.format(Locale.ROOT, "one training step of %s at batch %d needs about %s", model.name(), batch, megabytes(need));
        if (need <= max) return;
        long perSample = Math.max(1, p.trainingBytes(1) - p.trainingBytes(0));
        long fits = Math.max(0, (max - p.trainingBytes(0)) / perSample);
        throw new MemoryShortfallException(String.format(Locale.ROOT,
                "%s %d: one training step needs about %s but the JVM may use only %s; use %s %d or less, or give Java more memory (%s)",
                flag, batch, megabytes(need), megabytes(max), flag, Math.max(1, fits), xmxHint(need)));
    }

    /** One line for an {@link OutOfMemoryError}: the heap, the last estimate made, and the {@code -Xmx} to try. */
    public static String explain(OutOfMemoryError e) {
        long max = Runtime.getRuntime().maxMemory();
        String estimate = lastEstimate;
        return "out of memory (" + e.getMessage() + "): the JVM may use " + megabytes(max)
                + (estimate == null ? "" : "; " + estimate) + "; give it more with " + xmxHint(2 * max) + ", or use a smaller batch";
    }

    /** {@code JAVA_OPTS=-Xmx3g} for about {@code bytes} of heap (rounded up to whole gigabytes, with a quarter more room). */
    static String xmxHint(long bytes) {
        long gb = Math.max(1, (long) Math.ceil(bytes * 1.25 / (1L << 30)));
        return "JAVA_OPTS=-Xmx" + gb + "g";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }

    /** A batch that cannot fit in the heap; the message holds the estimate and what to do. */
    public static final class MemoryShortfallException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MemoryShortfallException(String message) {
            super(message);
        }
    }
}
