package dev.beak.kernel;

/**
 * {@link TileKernel} in plain Java (4 x 16): for each k-step, each row adds {@code A(r, p)} times
 * the 16 B values of that step, a unit-stride loop C2 may turn into SIMD code.
 */
final class ScalarTileKernel implements TileKernel {
    private static final int MR = 4, NR = 16;
    private static final ThreadLocal<float[]> ACC = ThreadLocal.withInitial(() -> new float[MR * NR]);

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public void tile(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean overwrite) {
        tile(kc, ap, ai, MR, bp, bi, c, ci, ldc, overwrite);
    }

    @Override
    public void tile(int kc, float[] ap, int ai, int aStep, float[] bp, int bi, float[] c, int ci, int ldc, boolean overwrite) {
        float[] acc = ACC.get();
        java.util.Arrays.fill(acc, 0f);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * NR, ao = ai + p * aStep;
            for (int r = 0; r < MR; r++) {
                float a = ap[ao + r];
                for (int j = 0; j < NR; j++) acc[r * NR + j] += a * bp[bo + j];
            }
        }
        for (int r = 0; r < MR; r++) {
            for (int j = 0; j < NR; j++) {
                int d = ci + r * ldc + j;
                c[d] = overwrite ? acc[r * NR + j] : c[d] + acc[r * NR + j];
            }
        }
    }
}
