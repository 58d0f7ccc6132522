package dev.beak.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs op(A) and op(B) into the panel layout of {@link Packing}, with vector copies where the
 * stored layout allows, and scalar {@link Packing} for the edges.
 *
 * <p>B stored (k, n): whole-vector copies. That matters because a thin product (M = 64) does only
 * M multiply-adds per packed element of B: the scalar copy loop took as long as the arithmetic.
 * Panels are filled one at a time, k-step by k-step, so each panel is written sequentially.
 *
 * <p>B stored (n, k) and A stored (m, k): the panel runs across the stored rows, so blocks of
 * 16 x 16 are transposed in registers ({@link Transpose16}, 16-lane vectors only). Measured on
 * Zen 5: B panels cost 0.11 instead of 0.29 ns per element, A panels 0.14 instead of 0.27 to 0.35;
 * the B-transposed benchmark (64 x 12544 x 800) went from 159 to 263 GFLOP/s on two threads, where
 * packing B and re-packing the 64 x 12544 A in every task had taken as long as the arithmetic.
 * A stored (k, m) needs no transpose: its k-steps are already contiguous.
 */
final class VectorPacking {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Eight lanes: one k-step of an 8-row A panel. */
    private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_256;
    /** Four lanes: one k-step of a 4-row A panel. */
    private static final VectorSpecies<Float> QUARTER = FloatVector.SPECIES_128;
    /** Per-thread scratch for one transposed 16 x 16 block. */
    private static final ThreadLocal<float[]> TRANSPOSED = ThreadLocal.withInitial(() -> new float[256]);

    private VectorPacking() {}

    /** Same contract as {@link Packing#packA}. */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
                      int mr, float[] dst) {
        int ip = 0;
        if (!transA && (mr == 4 || mr == 8) && Transpose16.SUPPORTED) {
            // Rows of A are stored rows: transpose 16 rows x 16 k-steps at a time into a scratch
            // block, then copy its row groups (mr rows each) into 16 / mr panels. One loop per panel
            // height, so each copy's vector shape is a constant C2 can compile.
            float[] t = TRANSPOSED.get();
            int whole = kc / 16 * 16;
            for (; ip + 16 <= mc; ip += 16) {
                int src = aOff + (i0 + ip) * lda + p0, d0 = ip * kc;
                for (int p = 0; p < whole; p += 16) {
                    Transpose16.block(a, src + p, lda, t, 0, 16);
                    if (mr == 8) {
                        for (int q = 0, d = d0 + p * 8; q < 16; q++, d += 8) {
                            FloatVector.fromArray(HALF, t, q * 16).intoArray(dst, d);
                            FloatVector.fromArray(HALF, t, q * 16 + 8).intoArray(dst, d + 8 * kc);
                        }
                    } else {
                        for (int q = 0, d = d0 + p * 4; q < 16; q++, d += 4) {
                            FloatVector.fromArray(QUARTER, t, q * 16).intoArray(dst, d);
                            FloatVector.fromArray(QUARTER, t, q * 16 + 4).intoArray(dst, d + 4 * kc);
                            FloatVector.fromArray(QUARTER, t, q * 16 + 8).intoArray(dst, d + 8 * kc);
                            FloatVector.fromArray(QUARTER, t, q * 16 + 12).intoArray(dst, d + 12 * kc);
                        }
                    }
                }
                for (int r = 0; r < 16; r += mr) {
                    Packing.packAPanel(false, a, aOff, lda, p0, whole, kc, i0 + ip + r, mr, mr, dst, d0 + r * kc);
                }
            }
        }
        for (; ip < mc; ip += mr) {
            Packing.packAPanel(transA, a, aOff, lda, p0, 0, kc, i0 + ip, Math.min(mr, mc - ip), mr, dst, ip * kc);
        }
    }

    /** Same contract as {@link Packing#packB}. */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                      int nr, float[] dst) {
        packB(transB, b, bOff, ldb, p0, kc, j0, nc, nr, dst, 0);
    }

    /** The same, the panels written from {@code dst[dstOff]} on. */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                      int nr, float[] dst, int dstOff) {
        for (int jp = 0; jp < nc; jp += nr) {
            int cols = Math.min(nr, nc - jp), base = dstOff + jp * kc, j = j0 + jp;
            if (transB && cols == nr && nr % 16 == 0 && Transpose16.SUPPORTED) {
                // Columns of op(B) are stored rows: transpose 16 x 16 blocks into the panel.
                int whole = kc / 16 * 16;
                for (int jb = 0; jb < nr; jb += 16) {
                    int src = bOff + (j + jb) * ldb + p0;
                    for (int p = 0; p < whole; p += 16) Transpose16.block(b, src + p, ldb, dst, base + p * nr + jb, nr);
                }
                Packing.packBPanel(true, b, bOff, ldb, p0, whole, kc, j, cols, nr, dst, base);
                continue;
            }
            if (transB || cols < nr || nr % L != 0) {
                Packing.packBPanel(transB, b, bOff, ldb, p0, 0, kc, j, cols, nr, dst, base);
                continue;
            }
            // One k-step is nr contiguous floats of a stored row: copy them a vector at a time.
            for (int p = 0; p < kc; p++) {
                int src = bOff + (p0 + p) * ldb + j, d = base + p * nr;
                for (int v = 0; v < nr; v += L) FloatVector.fromArray(S, b, src + v).intoArray(dst, d + v);
            }
        }
    }
}
