package dev.beak.kernel;

/**
 * The register-blocked inner kernel of a packed product, for drivers other than the GEMM that pack
 * their own operands (the fused {@link Winograd} convolution): {@code C tile (mr x nr) (+)= A panel *
 * B panel}, with the panel layouts of {@link Packing} ({@code ap[ai + p * mr + r]},
 * {@code bp[bi + p * nr + j]}, p < kc). {@link Kernels#tileKernel()} gives the Vector API kernel
 * ({@link MicroKernel}) or a plain-Java one.
 */
interface TileKernel {
    /** Rows of the tile. */
    int mr();

    /** Columns of the tile. */
    int nr();

    /** {@code c[ci + r * ldc + j]} (+)= sum over p of A(r, p) * B(p, j); overwrites when {@code overwrite}. */
    void tile(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean overwrite);

    /** {@link #tile} with A(r, p) at {@code ap[ai + p * aStep + r]} (A read in place, not packed). */
    void tile(int kc, float[] ap, int ai, int aStep, float[] bp, int bi, float[] c, int ci, int ldc, boolean overwrite);
}
