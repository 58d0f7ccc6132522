package dev.beak.kernel;

/**
 * The obviously correct GEMM: a triple loop over (i, j, p) with a double accumulator per element
 * of C. Slow; it is the oracle the fast kernels are tested against.
 */
final class ReferenceGemm implements Gemm {
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    // op(A)(i, p) and op(B)(p, j), read through the stored layout.
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    sum += (double) av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = accumulate ? (float) (c[ci] + sum) : (float) sum;
            }
        }
    }
}
