package dev.beak.kernel;

/**
 * Moving between interleaved pairs and separate even and odd runs of floats, in plain Java
 * ({@link ScalarInterleave}) or on the Vector API ({@code VectorInterleave}): stride-2 convolutions
 * unfold from rows split into even and odd columns, and Winograd's split planes and 2 x 2 output
 * tiles are the same moves. {@link Kernels#interleave()} gives the one for this JVM.
 */
interface Interleave {
    /** {@code dst[even + k] = x[src + 2k]} and {@code dst[odd + k] = x[src + 2k + 1]} for k < count. */
    void split(float[] x, int src, int count, float[] dst, int even, int odd);

    /**
     * {@code y[at + 2j] = a[ai + j]} and {@code y[at + 2j + 1] = b[bi + j]} for j < count, or added
     * to y when {@code accumulate}.
     */
    void zip(float[] a, int ai, float[] b, int bi, int count, float[] y, int at, boolean accumulate);
}
