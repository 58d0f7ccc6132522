package dev.beak.kernel;

/** {@link TileKernel} on the Vector API: the GEMM's own {@link MicroKernel}. */
final class VectorTileKernel implements TileKernel {
    @Override
    public int mr() {
        return MicroKernel.MR;
    }

    @Override
    public int nr() {
        return MicroKernel.NR;
    }

    @Override
    public void tile(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean overwrite) {
        MicroKernel.tile(kc, ap, ai, bp, bi, c, ci, ldc, overwrite);
    }

    @Override
    public void tile(int kc, float[] ap, int ai, int aStep, float[] bp, int bi, float[] c, int ci, int ldc, boolean overwrite) {
        MicroKernel.tile(kc, ap, ai, aStep, bp, bi, c, ci, ldc, overwrite);
    }
}
