package dev.beak.kernel;

/**
 * Elementwise loops of the training step over index ranges [from, to) of plain arrays. Two
 * implementations give bit-identical results: {@link ScalarElementwise} (plain Java, also the
 * reference) and {@code VectorElementwise} (Vector API, same operations in the same order, no FMA).
 * {@link Elementwise} picks one and splits long arrays over the threads.
 */
interface ElementwiseKernel {
    /** y = max(x, 0) (NaN stays NaN). */
    void relu(float[] x, float[] y, int from, int to);

    /** dx += dy where x > 0. */
    void reluBackward(float[] x, float[] dy, float[] dx, int from, int to);

    /**
     * One Adam step with both bias corrections folded into {@code stepSize}, {@code epsHat} and
     * {@code scale}: {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g g; w -= stepSize m / (sqrt(v) + epsHat) * scale}.
     */
    void adam(float[] w, float[] g, float[] m, float[] v, int from, int to,
              float b1, float b2, float stepSize, float epsHat, float scale);
}
