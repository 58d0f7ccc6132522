package dev.beak.kernel;

/** TEMPORARY reference GEMM. */
public final class ReferenceGemm implements Gemm {
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        Parallel.forRange(m, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < n; j++) {
                    double s = accumulate ? c[cOff + i * ldc + j] : 0;
                    for (int p = 0; p < k; p++) {
                        float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                        float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                        s += (double) av * bv;
                    }
                    c[cOff + i * ldc + j] = (float) s;
                }
            }
        });
    }
}
