package dev.beak.kernel;

/**
 * A right operand prepared once for many products with different left operands: a convolution's
 * filters as op(B) = Wᵀ (K, F), multiplied by the transposed columns of every small image an
 * inference plan sees. Made by {@link Gemm#packB}; it keeps op(B) where it was (read in place by
 * GEMMs that do not pack) and, when its GEMM packs, the panels that GEMM would otherwise build on
 * every call. The source values must not change while the packed form is in use.
 */
public final class PackedB {
    final boolean transB;
    final int k, n;
    final float[] b;
    final int bOff, ldb;
    /** The GEMM whose panel layout {@link #panels} has; null when there are no panels. */
    final Gemm layout;
    final float[] panels;

    PackedB(boolean transB, int k, int n, float[] b, int bOff, int ldb, Gemm layout, float[] panels) {
        if (k < 0 || n < 0) throw new IllegalArgumentException("packed operand of " + k + " x " + n);
        this.transB = transB;
        this.k = k;
        this.n = n;
        this.b = b;
        this.bOff = bOff;
        this.ldb = ldb;
        this.layout = layout;
        this.panels = panels;
    }

    /** Columns of op(B) (and of every product with it). */
    public int columns() {
        return n;
    }

    /** Rows of op(B): the depth of every product with it. */
    public int depth() {
        return k;
    }

    /** Whether {@code gemm} can read the panels (otherwise it reads op(B) in place). */
    boolean packedFor(Gemm gemm) {
        return panels != null && layout == gemm;
    }
}
