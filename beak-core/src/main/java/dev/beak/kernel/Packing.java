package dev.beak.kernel;

/**
 * Copies blocks of op(A) and op(B) into the contiguous, zero-padded panels a register-blocked
 * micro-kernel streams through. Packing absorbs transposition and strides, so the kernel sees one
 * layout for all four transpose combinations.
 *
 * <p>A block of op(A), {@code mc x kc}, becomes panels of {@code mr} rows: element (r, p) of a
 * panel sits at {@code p * mr + r}, so one k-step reads {@code mr} consecutive values. A block of
 * op(B), {@code kc x nc}, becomes panels of {@code nr} columns: element (p, j) of a panel sits at
 * {@code p * nr + j}, so one k-step reads {@code nr} consecutive values (whole vectors). Panels
 * are {@code mr * kc} (resp. {@code nr * kc}) floats apart; a last partial panel is zero-filled, so
 * the kernel always computes a full tile and the padding contributes zeros.
 */
final class Packing {
    private Packing() {}

    /** Packs op(A)(i0 .. i0+mc, p0 .. p0+kc) into panels of {@code mr} rows in {@code dst}. */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
                      int mr, float[] dst) {
        for (int ip = 0; ip < mc; ip += mr) {
            packAPanel(transA, a, aOff, lda, p0, 0, kc, i0 + ip, Math.min(mr, mc - ip), mr, dst, ip * kc);
        }
    }

    /**
     * Packs k-steps {@code from .. to} of one panel: op(A)(i0 .. i0+rows, p0+from .. p0+to), to
     * {@code dst[base + p * mr + r]}, zero-filling rows {@code rows .. mr}. The vector packer uses
     * it for the edges its whole-block loops leave.
     */
    static void packAPanel(boolean transA, float[] a, int aOff, int lda, int p0, int from, int to,
                           int i0, int rows, int mr, float[] dst, int base) {
        if (!transA) {
            // A stored (m, k): each row is contiguous in p; scatter it with stride mr.
            for (int r = 0; r < rows; r++) {
                int src = aOff + (i0 + r) * lda + p0;
                for (int p = from, d = base + p * mr + r; p < to; p++, d += mr) dst[d] = a[src + p];
            }
        } else {
            // A stored (k, m): the mr values of one k-step are already contiguous.
            for (int p = from; p < to; p++) {
                int src = aOff + (p0 + p) * lda + i0, d = base + p * mr;
                for (int r = 0; r < rows; r++) dst[d + r] = a[src + r];
            }
        }
        // Zero rows past the edge so the kernel's extra rows compute zeros.
        for (int r = rows; r < mr; r++) {
            for (int p = from, d = base + p * mr + r; p < to; p++, d += mr) dst[d] = 0f;
        }
    }

    /** Packs op(B)(p0 .. p0+kc, j0 .. j0+nc) into panels of {@code nr} columns in {@code dst}. */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                      int nr, float[] dst) {
        for (int jp = 0; jp < nc; jp += nr) {
            packBPanel(transB, b, bOff, ldb, p0, 0, kc, j0 + jp, Math.min(nr, nc - jp), nr, dst, jp * kc);
        }
    }

    /**
     * Packs rows {@code from .. to} of one panel: op(B)(p0+from .. p0+to, j0 .. j0+cols), to
     * {@code dst[base + p * nr + j]}, zero-filling columns {@code cols .. nr}. The vector packer
     * uses it for the edges its whole-vector loops leave.
     */
    static void packBPanel(boolean transB, float[] b, int bOff, int ldb, int p0, int from, int to,
                           int j0, int cols, int nr, float[] dst, int base) {
        if (!transB) {
            // B stored (k, n): a k-step of the panel is a contiguous run of one row.
            for (int p = from; p < to; p++) {
                int src = bOff + (p0 + p) * ldb + j0, d = base + p * nr;
                for (int j = 0; j < cols; j++) dst[d + j] = b[src + j];
                for (int j = cols; j < nr; j++) dst[d + j] = 0f;
            }
            return;
        }
        // B stored (n, k): each column of op(B) is contiguous; scatter with stride nr.
        for (int j = 0; j < cols; j++) {
            int src = bOff + (j0 + j) * ldb + p0;
            for (int p = from, d = base + p * nr + j; p < to; p++, d += nr) dst[d] = b[src + p];
        }
        for (int j = cols; j < nr; j++) {
            for (int p = from, d = base + p * nr + j; p < to; p++, d += nr) dst[d] = 0f;
        }
    }
}
