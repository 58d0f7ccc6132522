package dev.beak.kernel;

/**
 * The two steps of a 3x3, stride-2 max pool (ResNet's stem; see {@link MaxPool3x3}) over the
 * windows of an output row that lie inside the input columns: in plain Java
 * ({@link ScalarMaxPoolRows}) or on the Vector API ({@link VectorMaxPoolRows}), a window per lane.
 * {@link Kernels#maxPoolRows()} gives the one that matches the GEMM.
 *
 * <p>Each input row gives its part of each window, a maximum and the first of the three inputs
 * equal to it; then each window takes the first of its three rows whose maximum equals the window's.
 * That is the first maximum in row-major order. "Equal" is {@code ==} or, for a NaN maximum,
 * being NaN: the first NaN wins, and -0 ties with 0 as in the general loop's compare. An input row
 * serves two output rows, so the caller keeps its part for the next.
 */
interface MaxPoolRows {
    /**
     * One input row's part of {@code len} windows: for k in [0, len), {@code m[at + k]} := the
     * maximum (Math.max, NaN propagating) of {@code x[s + 2k + j]}, j in {0, 1, 2}, and
     * {@code w[at + k]} := 2k + j of the first equal to it, as a float (exact: below 2^24).
     */
    void rowMaxima(float[] x, int s, int len, float[] m, float[] w, int at);

    /**
     * The windows over three rows whose parts are at {@code a}, {@code b} and {@code e} in m and w,
     * rows b and e starting {@code db} and {@code de} inputs after row a (which starts at
     * {@code base}): {@code y[o + k]} := the maximum, {@code argmax[o + k]} := {@code base} + the
     * first row's offset + its w. Rows may repeat (clamped at the top or bottom): a repeat finds the
     * same element as the row it repeats.
     */
    void windows(float[] m, float[] w, int a, int b, int e, int db, int de, int len, int base, float[] y, int[] argmax, int o);

    /** {@link #rowMaxima} without the winners: {@code m[at + k]} := the maximum of {@code x[s + 2k + j]}, j in {0, 1, 2}. */
    void rowMaximaValues(float[] x, int s, int len, float[] m, int at);

    /** {@link #windows} without the winners: {@code y[o + k]} := the maximum of {@code m[a + k]}, {@code m[b + k]}, {@code m[e + k]}. */
    void windowsValues(float[] m, int a, int b, int e, int len, float[] y, int o);
}
