package dev.beak.kernel;

import java.util.Arrays;

/**
 * Plain-Java blocked GEMM for JVMs without the Vector API. Each task of a {@link Tiling} owns a
 * block of C; for every (KC x NC) block of op(B), packed row-major so its rows are contiguous
 * whatever the transposition, it sweeps the rows of C in i-p-j order:
 * {@code C[i, j..] += op(A)(i, p) * Bpack[p, j..]}. The innermost j-loop is a unit-stride
 * multiply-add over two arrays, which C2 turns into SIMD code; the packed block (KC x NC floats,
 * 64 KiB) stays in L2 while a C row segment (NC floats) stays in L1.
 */
final class ScalarGemm implements Gemm {
    /** Depth of a packed block of B. */
    private static final int KC = 128;
    /** Width of a packed block of B and of the C row segment updated per step. */
    private static final int NC = 128;

    private static final ThreadLocal<float[]> PACK = ThreadLocal.withInitial(() -> new float[KC * NC]);

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        if (m <= 0 || n <= 0) return;
        if (k <= 0) {
            if (!accumulate) zero(c, cOff, ldc, m, n);
            return;
        }
        Tiling t = Tiling.of(m, n, k, 4, 16, Parallel.available());
        Parallel.forEach(t.tasks(), task -> block(transA, transB, t.rowStart(task), t.rowEnd(task),
                t.colStart(task), t.colEnd(task), k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate));
    }

    /** C[i0..i1, j0..j1] (+)= op(A)[i0..i1, :] * op(B)[:, j0..j1]. */
    private static void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc, boolean accumulate) {
        float[] bp = PACK.get();
        // Overwriting starts from zero, so every k-block below can simply add.
        if (!accumulate) zero(c, cOff + i0 * ldc + j0, ldc, i1 - i0, j1 - j0);
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, b, bOff, ldb, pc, kc, jc, nc, bp);
                for (int i = i0; i < i1; i++) {
                    int ci = cOff + i * ldc + jc;
                    // op(A)(i, p) walks a row of A, or a column when A is stored transposed.
                    int ai = transA ? aOff + pc * lda + i : aOff + i * lda + pc;
                    int aStep = transA ? lda : 1;
                    for (int p = 0; p < kc; p++, ai += aStep) {
                        float av = a[ai];
                        axpy(av, bp, p * nc, c, ci, nc);
                    }
                }
            }
        }
    }

    /** y[yo ..] += alpha * x[xo ..] over n floats: a unit-stride loop that C2 vectorises. */
    private static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        for (int j = 0; j < n; j++) y[yo + j] += alpha * x[xo + j];
    }

    /** Packs op(B)(p0 .. p0+kc, j0 .. j0+nc) row-major (row stride nc) into {@code dst}. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0,
                              int nc, float[] dst) {
        for (int p = 0; p < kc; p++) {
            if (!transB) {
                System.arraycopy(b, bOff + (p0 + p) * ldb + j0, dst, p * nc, nc);
            } else {
                int src = bOff + j0 * ldb + p0 + p;
                for (int j = 0; j < nc; j++, src += ldb) dst[p * nc + j] = b[src];
            }
        }
    }

    private static void zero(float[] c, int cOff, int ldc, int rows, int cols) {
        for (int i = 0; i < rows; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + cols, 0f);
    }
}
