package dev.beak.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector packers against the scalar {@link Packing} they must reproduce exactly. */
class PackingTest {
    private static final int NR = MicroKernel.NR, MR = MicroKernel.MR;

    @Test
    void transposeBlockMatchesDefinition() {
        assumeTrue(Transpose16.SUPPORTED, "16-lane vectors only");
        int ld = 21, ds = 19;
        float[] src = random(new Random(1), 3 + 16 * ld);
        float[] dst = new float[5 + 16 * ds];
        Transpose16.block(src, 3, ld, dst, 5, ds);
        for (int r = 0; r < 16; r++) {
            for (int q = 0; q < 16; q++) assertThat(dst[5 + q * ds + r]).isEqualTo(src[3 + r * ld + q]);
        }
    }

    @Test
    void packBMatchesScalarOnOddBlocks() {
        Random rnd = new Random(2);
        int[][] blocks = {{1, 1}, {15, 31}, {16, NR}, {17, NR + 1}, {40, 3 * NR}, {256, 2 * NR + 5}, {33, 7}};
        for (boolean transB : new boolean[] {false, true}) {
            for (int[] kn : blocks) {
                int kc = kn[0], nc = kn[1], p0 = 3, j0 = 2, pad = 5;
                int rows = transB ? j0 + nc : p0 + kc, ld = (transB ? p0 + kc : j0 + nc) + pad;
                float[] b = random(rnd, 7 + rows * ld);
                int size = kc * ((nc + NR - 1) / NR * NR);
                float[] expect = new float[size], got = new float[size];
                java.util.Arrays.fill(got, Float.NaN);
                Packing.packB(transB, b, 7, ld, p0, kc, j0, nc, NR, expect);
                VectorPacking.packB(transB, b, 7, ld, p0, kc, j0, nc, NR, got);
                assertThat(got).as("transB=%s kc=%d nc=%d", transB, kc, nc).containsExactly(expect);
            }
        }
    }

    @Test
    void packAMatchesScalarOnOddBlocks() {
        Random rnd = new Random(3);
        int[][] blocks = {{1, 1}, {7, 15}, {MR, 16}, {MR + 1, 17}, {3 * MR, 40}, {2 * MR + 5, 256}, {64, 33}};
        for (boolean transA : new boolean[] {false, true}) {
            for (int[] mk : blocks) {
                int mc = mk[0], kc = mk[1], i0 = 2, p0 = 3, pad = 4;
                int rows = transA ? p0 + kc : i0 + mc, ld = (transA ? i0 + mc : p0 + kc) + pad;
                float[] a = random(rnd, 6 + rows * ld);
                int size = kc * ((mc + MR - 1) / MR * MR);
                float[] expect = new float[size], got = new float[size];
                java.util.Arrays.fill(got, Float.NaN);
                Packing.packA(transA, a, 6, ld, i0, mc, p0, kc, MR, expect);
                VectorPacking.packA(transA, a, 6, ld, i0, mc, p0, kc, MR, got);
                assertThat(got).as("transA=%s mc=%d kc=%d", transA, mc, kc).containsExactly(expect);
            }
        }
    }

    private static float[] random(Random rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextFloat() - 0.5f;
        return x;
    }
}
