package dev.beak.kernel;

/**
 * Elementwise loops of ops and optimizers, on the Vector API when it is enabled (see {@link Kernels}),
 * split over the threads when the arrays are long enough to pay for the hand-off.
 */
public final class Elementwise {
    /** Below this many elements a loop runs on the calling thread alone. */
    private static final int GRAIN = 1 << 15;

    private Elementwise() {}

    /** y[0..n) = max(x, 0). */
    public static void relu(float[] x, float[] y, int n) {
        ElementwiseKernel k = Kernels.elementwise();
        split(n, (from, to) -> k.relu(x, y, from, to));
    }

    /** dx[0..n) += dy where x > 0. */
    public static void reluBackward(float[] x, float[] dy, float[] dx, int n) {
        ElementwiseKernel k = Kernels.elementwise();
        split(n, (from, to) -> k.reluBackward(x, dy, dx, from, to));
    }

    /** One Adam step over w[0..n); see {@link ElementwiseKernel#adam}. */
    public static void adam(float[] w, float[] g, float[] m, float[] v, int n,
                            float b1, float b2, float stepSize, float epsHat, float scale) {
        ElementwiseKernel k = Kernels.elementwise();
        split(n, (from, to) -> k.adam(w, g, m, v, from, to, b1, b2, stepSize, epsHat, scale));
    }

    private static void split(int n, Parallel.RangeBody body) {
        if (n <= GRAIN || Parallel.threads() == 1) {
            body.run(0, n);
            return;
        }
        // Chunks of at least GRAIN elements, rounded to 16 so that only the last one has a vector tail.
        int chunks = Math.min(Parallel.threads() * 4, (n + GRAIN - 1) / GRAIN);
        Parallel.forEach(chunks, t -> {
            int from = (int) ((long) n * t / chunks) & ~15, to = t == chunks - 1 ? n : (int) ((long) n * (t + 1) / chunks) & ~15;
            body.run(from, to);
        });
    }
}
