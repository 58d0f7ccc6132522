package dev.beak.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner kernel: a {@link #MR} x {@link #NR} tile of C (4 rows by 2 vectors,
 * 4 x 32 floats on AVX-512) from an A panel ({@code kc} steps of 4 values) and a B panel
 * ({@code kc} steps of 2 vectors), both packed by {@link Packing} / {@link VectorPacking}.
 *
 * <p>Why 4 x 2 vectors: each k-step is 2 vector loads, 4 broadcasts and 8 independent FMAs, which
 * covers the FMA latency (4 cycles x 2 pipes) with 8 accumulators. Tiles with 24 or more
 * accumulators spill. An 8 x 2 tile (16 accumulators, write-back written out) measured 255 against
 * 228 GFLOP/s on one Zen 5 core and 7-20 % more in the GEMM, but it is too big a method for C2 to
 * compile reliably: in two of four 10-epoch demo runs a recompilation left the Vector API calls
 * unintrinsified (the JIT falls back to the Java implementation, which boxes every vector) and
 * training ran 15 times slower from then on. This kernel has never done that.
 * The accumulators are locals and the k-loop body is written out, so C2 keeps them in registers.
 */
final class MicroKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of the tile (values of A per k-step). */
    static final int MR = 4;
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
        tile(kc, ap, ai, MR, bp, bi, c, ci, ldc, overwrite);
    }

    /**
     * {@link #tile} with the A values of step p at {@code ap[ai + p * aStep + r]}: A read in place
     * from a layout wider than the tile (the Winograd weight gradient's transformed dY).
     */
    static void tile(int kc, float[] ap, int ai, int aStep, float[] bp, int bi, float[] c, int ci, int ldc,
                     boolean overwrite) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int p = 0; p < kc; p++) {
            // One k-step: a row of the B panel (two vectors) times a column of the A panel.
            int bo = bi + p * NR, ao = ai + p * aStep;
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
        }
        // Write the tile back, row by row.
        put(c, ci, c00, c01, overwrite);
        put(c, ci + ldc, c10, c11, overwrite);
        put(c, ci + 2 * ldc, c20, c21, overwrite);
        put(c, ci + 3 * ldc, c30, c31, overwrite);
    }

    /**
     * {@link #tile} for a tile at most one vector wide: only the first vector of each B-panel row is read
     * and multiplied (4 accumulators). Where one FMA of a full vector issues per cycle (Zen 4's AVX-512),
     * 4 independent accumulators keep the FMA unit busy, so a right-edge tile of up to L columns (the
     * last 4 of 196 pixels, the last 17 of 49 split 16 + 1) costs half a full tile; each value is
     * summed in the same order, so the results are the full tile's bit for bit.
     */
    static void narrowTile(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        for (int p = 0; p < kc; p++) {
            int ao = ai + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi + p * NR);
            c0 = FloatVector.broadcast(S, ap[ao]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, ap[ao + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, ap[ao + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, ap[ao + 3]).fma(b0, c3);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + ldc);
        c2.intoArray(c, ci + 2 * ldc);
        c3.intoArray(c, ci + 3 * ldc);
    }

    /** Stores (or adds) one tile row of two vectors at {@code c[ci ..]}. */
    private static void put(float[] c, int ci, FloatVector v0, FloatVector v1, boolean overwrite) {
        if (!overwrite) {
            v0 = v0.add(FloatVector.fromArray(S, c, ci));
            v1 = v1.add(FloatVector.fromArray(S, c, ci + L));
        }
        v0.intoArray(c, ci);
        v1.intoArray(c, ci + L);
    }

    /**
     * Applies {@code e} to a just-written tile of C ({@code rows x cols} at {@code c[ci ..]}, first row
     * {@code row0} of C): the bias of each row and the addend added and, with {@code e.relu()}, {@code max(v, 0)}, as
     * {@link Epilogue#apply} does, a vector at a time for whole tile rows.
     */
    static void finish(Epilogue e, float[] c, int ci, int ldc, int row0, int rows, int cols) {
        if (cols != NR) {
            e.apply(c, ci, ldc, row0, rows, cols);
            return;
        }
        float[] bias = e.rowBias(), addend = e.addend();
        FloatVector zero = FloatVector.zero(S);
        for (int r = 0; r < rows; r++) {
            int at = ci + r * ldc;
            FloatVector v0 = FloatVector.fromArray(S, c, at), v1 = FloatVector.fromArray(S, c, at + L);
            if (bias != null) {
                float b = bias[row0 + r];
                v0 = v0.add(b);
                v1 = v1.add(b);
            }
            if (addend != null) {
                v0 = v0.add(FloatVector.fromArray(S, addend, at));
                v1 = v1.add(FloatVector.fromArray(S, addend, at + L));
            }
            if (e.relu()) {
                v0 = v0.max(zero);
                v1 = v1.max(zero);
            }
            v0.intoArray(c, at);
            v1.intoArray(c, at + L);
        }
    }

    /** y[yo + j] += alpha * x[xo + j] for j in [from, to), whole vectors ({@code to - from} a multiple of L). */
    static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int from, int to) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        for (int j = from; j < to; j += L) {
            av.fma(FloatVector.fromArray(S, x, xo + j), FloatVector.fromArray(S, y, yo + j)).intoArray(y, yo + j);
        }
    }

    /**
     * The dot product of {@code x[xo ..]} and {@code y[yo ..]} over {@code n} values: two vector
     * accumulators (so the FMA chain is not one dependent line), their lanes added in lane order (not
     * reduceLanes, whose float order differs between C2 and the interpreter), then the scalar tail.
     */
    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        int p = 0;
        for (; p + 2 * L <= n; p += 2 * L) {
            s0 = FloatVector.fromArray(S, x, xo + p).fma(FloatVector.fromArray(S, y, yo + p), s0);
            s1 = FloatVector.fromArray(S, x, xo + p + L).fma(FloatVector.fromArray(S, y, yo + p + L), s1);
        }
        FloatVector s = s0.add(s1);
        float r = 0;
        for (int j = 0; j < L; j++) r += s.lane(j);
        for (; p < n; p++) r += x[xo + p] * y[yo + p];
        return r;
    }
}
