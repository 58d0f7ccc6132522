package dev.beak.kernel;

/**
 * A left operand prepared once for many products with different right operands: a convolution's
 * filters, multiplied by the columns of every image an inference plan sees. Made by
 * {@link Gemm#pack}; it keeps op(A) where it was (read in place by GEMMs that do not pack, and by thin
 * products) and, when its GEMM packs, the panels that GEMM would otherwise build on every call.
 * The source values must not change while the packed form is in use.
 */
public final class PackedA {
    final boolean transA;
    final int m, k;
    final float[] a;
    final int aOff, lda;
    /** The GEMM whose panel layout {@link #panels} has; null when there are no panels. */
    final Gemm layout;
    final float[] panels;

    PackedA(boolean transA, int m, int k, float[] a, int aOff, int lda, Gemm layout, float[] panels) {
        if (m < 0 || k < 0) throw new IllegalArgumentException("packed operand of " + m + " x " + k);
        this.transA = transA;
        this.m = m;
        this.k = k;
        this.a = a;
        this.aOff = aOff;
        this.lda = lda;
        this.layout = layout;
        this.panels = panels;
    }

    /** Rows of op(A) (and of every product with it). */
    public int rows() {
        return m;
    }

    /** Columns of op(A): the depth of every product with it. */
    public int depth() {
        return k;
    }

    /** Whether {@code gemm} can read the panels (otherwise it reads op(A) in place). */
    boolean packedFor(Gemm gemm) {
        return panels != null && layout == gemm;
    }
}
