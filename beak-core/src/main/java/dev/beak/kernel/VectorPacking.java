package dev.beak.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs op(B) into the panel layout of {@link Packing}, with whole-vector copies where B is stored
 * (k, n). That matters because a thin product (M = 64) does only M multiply-adds per packed element
 * of B: the scalar copy loop took as long as the arithmetic. Panels are filled one at a time, k-step
 * by k-step, so each panel is written sequentially. Other cases (B stored (n, k), partial panels)
 * use {@link Packing#packBPanel}; an in-register 8 x 8 transpose was tried for B stored (n, k) and
 * gained under 10 %, not worth its size.
 */
final class VectorPacking {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorPacking() {}

    /** Same contract as {@link Packing#packB}. */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                      int nr, float[] dst) {
        for (int jp = 0; jp < nc; jp += nr) {
            int cols = Math.min(nr, nc - jp), base = jp * kc, j = j0 + jp;
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
