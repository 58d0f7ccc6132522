package dev.beak.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner kernel: a {@link #MR} x {@link #NR} tile of C (8 rows by 2 vectors,
 * 8 x 32 floats on AVX-512) from an A panel ({@code kc} steps of 8 values) and a B panel
 * ({@code kc} steps of 2 vectors), both packed by {@link Packing} / {@link VectorPacking}.
 *
 * <p>Why 8 x 2 vectors: each k-step is 2 vector loads, 8 broadcasts and 16 independent FMAs; 16
 * accumulators cover the FMA latency (4 cycles x 2 pipes) twice over, so a late load does not
 * stall the pipes. Measured on Zen 5 with both panels in L1 (one thread): 4 x 2 runs at 228
 * GFLOP/s, 6 x 2 at 246, 4 x 4 at 247 and 8 x 2 at 255, the FMA peak; in the GEMM 8 x 2 gained 7 to
 * 20 % over 4 x 2 on every benchmark shape (M = 64 is a multiple of 8). Tiles with 24 or more
 * accumulators spill. An earlier 8 x 2 attempt was slow only because its write-back went through
 * a helper that C2 stopped inlining past its node budget, which boxes the vectors: the write-back
 * below is written out for that reason.
 * The accumulators are locals and the k-loop body is written out, so C2 keeps them in registers.
 */
final class MicroKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of the tile (values of A per k-step). */
    static final int MR = 8;
    /** Columns of the tile (values of B per k-step): two vectors. */
    static final int NR = 2 * L;

    private MicroKernel() {}

    /**
     * C tile (+)= A panel * B panel: {@code c[ci + r * ldc + j]} for r < MR, j < NR, from
     * {@code ap[ai + p * MR + r]} and {@code bp[bi + p * NR + j]}, p < kc. Overwrites C when
     * {@code overwrite}, else adds to it.
     */
    static void tile(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc,
                     boolean overwrite) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0; p < kc; p++) {
            // One k-step: a row of the B panel (two vectors) times a column of the A panel.
            int bo = bi + p * NR, ao = ai + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            // Broadcast each A value and update that row's two accumulators.
            FloatVector a = FloatVector.broadcast(S, ap[ao]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(S, ap[ao + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(S, ap[ao + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = FloatVector.broadcast(S, ap[ao + 6]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = FloatVector.broadcast(S, ap[ao + 7]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
        }
        // Write the tile back. Written out rather than through a helper: C2 stops inlining helpers
        // past a node budget this method reaches, and a call that is not inlined boxes its vectors.
        if (!overwrite) {
            c00 = c00.add(FloatVector.fromArray(S, c, ci));
            c01 = c01.add(FloatVector.fromArray(S, c, ci + L));
            c10 = c10.add(FloatVector.fromArray(S, c, ci + 1 * ldc));
            c11 = c11.add(FloatVector.fromArray(S, c, ci + 1 * ldc + L));
            c20 = c20.add(FloatVector.fromArray(S, c, ci + 2 * ldc));
            c21 = c21.add(FloatVector.fromArray(S, c, ci + 2 * ldc + L));
            c30 = c30.add(FloatVector.fromArray(S, c, ci + 3 * ldc));
            c31 = c31.add(FloatVector.fromArray(S, c, ci + 3 * ldc + L));
            c40 = c40.add(FloatVector.fromArray(S, c, ci + 4 * ldc));
            c41 = c41.add(FloatVector.fromArray(S, c, ci + 4 * ldc + L));
            c50 = c50.add(FloatVector.fromArray(S, c, ci + 5 * ldc));
            c51 = c51.add(FloatVector.fromArray(S, c, ci + 5 * ldc + L));
            c60 = c60.add(FloatVector.fromArray(S, c, ci + 6 * ldc));
            c61 = c61.add(FloatVector.fromArray(S, c, ci + 6 * ldc + L));
            c70 = c70.add(FloatVector.fromArray(S, c, ci + 7 * ldc));
            c71 = c71.add(FloatVector.fromArray(S, c, ci + 7 * ldc + L));
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c10.intoArray(c, ci + 1 * ldc);
        c11.intoArray(c, ci + 1 * ldc + L);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + L);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + L);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + L);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + L);
        c60.intoArray(c, ci + 6 * ldc);
        c61.intoArray(c, ci + 6 * ldc + L);
        c70.intoArray(c, ci + 7 * ldc);
        c71.intoArray(c, ci + 7 * ldc + L);
    }

    /** y[yo + j] += alpha * x[xo + j] for j in [from, to), whole vectors ({@code to - from} a multiple of L). */
    static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int from, int to) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        for (int j = from; j < to; j += L) {
            av.fma(FloatVector.fromArray(S, x, xo + j), FloatVector.fromArray(S, y, yo + j)).intoArray(y, yo + j);
        }
    }
}
