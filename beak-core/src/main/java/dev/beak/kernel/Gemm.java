package dev.beak.kernel;

/**
 * Single-precision general matrix multiply on row-major arrays: {@code C = op(A) * op(B)}, or
 * {@code C += op(A) * op(B)} when {@code accumulate}.
 *
 * <p>Shapes: op(A) is (m, k); op(B) is (k, n); C is (m, n). Without transposition A is stored (m, k)
 * with row stride {@code lda}; with {@code transA} it is stored (k, m) with row stride {@code lda}.
 * The same holds for B: (k, n) stored, or (n, k) stored when {@code transB}. C is (m, n) with row
 * stride {@code ldc}. Offsets locate element (0, 0) of each matrix in its array.
 */
public interface Gemm {
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, boolean accumulate);

    /** Convenience for dense row-major matrices with natural strides. */
    default void gemm(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, float[] b, float[] c, boolean accumulate) {
        gemm(transA, transB, m, n, k, a, 0, transA ? m : k, b, 0, transB ? k : n, c, 0, n, accumulate);
    }

    /**
     * op(A) prepared for many {@link #gemm(PackedA, boolean, int, float[], int, int, float[], int, int, boolean)}
     * calls; A is read, not copied, where this GEMM does not pack, so it must not change while the result is used.
     */
    default PackedA pack(boolean transA, int m, int k, float[] a, int aOff, int lda) {
        return new PackedA(transA, m, k, a, aOff, lda, null, null);
    }

    /**
     * op(B) prepared for many {@link #gemm(PackedA, PackedB, float[], int, int, boolean)} calls; B is read,
     * not copied, where this GEMM does not pack, so it must not change while the result is used.
     */
    default PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        return new PackedB(transB, k, n, b, bOff, ldb, null, null);
    }

    /**
     * {@code C (+)= op(A) * op(B)} with both operands prepared ({@link #pack}, {@link #packB}): no task
     * packs anything, so a product split over threads reads each operand's panels once, shared.
     */
    default void gemm(PackedA a, PackedB b, float[] c, int cOff, int ldc, boolean accumulate) {
        if (a.k != b.k) throw new IllegalArgumentException("depths differ: " + a.k + " and " + b.k);
        gemm(a.transA, b.transB, a.m, b.n, a.k, a.a, a.aOff, a.lda, b.b, b.bOff, b.ldb, c, cOff, ldc, accumulate);
    }

    /** {@code C (+)= op(A) * op(B)} with op(A) from {@link #pack}: the same contract as the unpacked call. */
    default void gemm(PackedA a, boolean transB, int n, float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(a.transA, transB, a.m, n, a.k, a.a, a.aOff, a.lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    /**
     * The same followed by {@code epilogue} on every value of C: {@code C := e(op(A) * op(B) (+ C))}. GEMMs
     * that tile apply it to each tile as it is finished; this default makes one pass after the product.
     */
    default void gemm(PackedA a, boolean transB, int n, float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc, boolean accumulate, Epilogue epilogue) {
        gemm(a.transA, transB, a.m, n, a.k, a.a, a.aOff, a.lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        if (!epilogue.none() && n > 0) epilogue.apply(c, cOff, ldc, 0, a.m, n);
    }
}
