package dev.beak.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast GEMMs against {@link ReferenceGemm} on odd shapes, strides, transposes and accumulate. */
class GemmTest {
    private static final float SENTINEL = -12345.5f;

    static Stream<Arguments> cases() {
        int[][] shapes = {
            {1, 1, 1}, {1, 37, 5}, {37, 1, 5}, {5, 7, 1}, {1, 1, 300}, {17, 33, 9}, {31, 65, 47},
            {8, 32, 16}, {9, 33, 257}, {130, 257, 67}, {64, 100, 300}, {3, 2100, 20}, {200, 40, 600},
            {97, 61, 531},
        };
        List<Arguments> out = new ArrayList<>();
        for (String impl : List.of("vector", "scalar")) {
            for (int[] s : shapes) {
                for (int t = 0; t < 4; t++) {
                    out.add(Arguments.of(impl, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, t % 3 == 1));
                    out.add(Arguments.of(impl, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, t % 3 != 1));
                }
            }
        }
        return out.stream();
    }

    static Gemm impl(String name) {
        return name.equals("vector") ? new VectorGemm() : new ScalarGemm();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} tA={4} tB={5} acc={6}")
    @MethodSource("cases")
    void matchesReference(String impl, int m, int n, int k, boolean tA, boolean tB, boolean acc) {
        check(impl(impl), new Random(31L * m + 17L * n + k), m, n, k, tA, tB, acc, true);
    }

    @Test
    void randomShapesWithPaddedStrides() {
        Random rnd = new Random(7);
        for (int it = 0; it < 150; it++) {
            int m = 1 + rnd.nextInt(70), n = 1 + rnd.nextInt(90), k = 1 + rnd.nextInt(80);
            boolean tA = rnd.nextBoolean(), tB = rnd.nextBoolean(), acc = rnd.nextBoolean();
            check(new VectorGemm(), rnd, m, n, k, tA, tB, acc, rnd.nextBoolean());
            check(new ScalarGemm(), rnd, m, n, k, tA, tB, acc, rnd.nextBoolean());
        }
    }

    @Test
    void oddThreadCountSplitsCorrectly() {
        int saved = Parallel.threads();
        try {
            Parallel.setThreads(3);
            check(new VectorGemm(), new Random(3), 130, 257, 67, false, true, true, true);
            check(new ScalarGemm(), new Random(4), 257, 130, 67, true, false, false, true);
        } finally {
            Parallel.setThreads(saved);
        }
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} tA={4} tB={5} acc={6}")
    @MethodSource("cases")
    void packedOperandMatchesReference(String impl, int m, int n, int k, boolean tA, boolean tB, boolean acc) {
        check(impl(impl), new Random(31L * m + 17L * n + k), m, n, k, tA, tB, acc, true, true);
    }

    @Test
    void packedOperandGivesTheUnpackedResultExactly() {
        int saved = Parallel.threads();
        try {
            for (int threads : new int[] {1, 3}) {
                Parallel.setThreads(threads);
                Random rnd = new Random(11);
                for (int[] s : new int[][] {{64, 49, 4608}, {130, 257, 300}, {33, 1000, 27}, {512, 49, 512}, {9, 70, 600}}) {
                    int m = s[0], n = s[1], k = s[2];
                    float[] a = random(rnd, m * k), b = random(rnd, k * n), plain = new float[m * n], packed = new float[m * n];
                    Gemm g = new VectorGemm();
                    g.gemm(false, false, m, n, k, a, b, plain, false);
                    PackedA p = g.pack(false, m, k, a, 0, k);
                    g.gemm(p, false, n, b, 0, n, packed, 0, n, false);
                    assertThat(packed).as("m=%d n=%d k=%d threads=%d", m, n, k, threads).containsExactly(plain);
                    g.gemm(p, false, n, b, 0, n, packed, 0, n, false);   // a packed operand is reusable
                    assertThat(packed).containsExactly(plain);
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
    }

    /**
     * The epilogue (a bias per row, a residual, then ReLU) applied in the tiles' write-back gives exactly what the
     * product followed by those passes gives: edge tiles, several k-slices, accumulate, thin products
     * (m <= 8, not packed), 1 and 3 threads, NaN kept by the ReLU as Math.max keeps it.
     */
    @Test
    void epilogueEqualsThePassesAfterTheProduct() {
        int saved = Parallel.threads();
        try {
            for (int threads : new int[] {1, 3}) {
                Parallel.setThreads(threads);
                Random rnd = new Random(13);
                for (int[] s : new int[][] {{64, 196, 600}, {130, 257, 300}, {33, 100, 27}, {5, 70, 600}, {12, 49, 256}, {64, 300, 64}}) {
                    int m = s[0], n = s[1], k = s[2];
                    float[] a = random(rnd, m * k), b = random(rnd, k * n), bias = random(rnd, m), c0 = random(rnd, m * n), residual = random(rnd, m * n);
                    a[rnd.nextInt(a.length)] = Float.NaN;
                    for (Gemm g : List.of(new VectorGemm(), new ScalarGemm())) {
                        PackedA p = g.pack(false, m, k, a, 0, k);
                        for (boolean acc : new boolean[] {false, true}) {
                            for (Epilogue e : List.of(Epilogue.of(bias, false), Epilogue.of(bias, true), Epilogue.of(null, true),
                                    Epilogue.of(bias, residual, true), Epilogue.of(null, residual, false))) {
                                float[] expected = c0.clone(), actual = c0.clone();
                                g.gemm(p, false, n, b, 0, n, expected, 0, n, acc);
                                for (int i = 0; i < m; i++) {
                                    for (int j = i * n; j < (i + 1) * n; j++) {
                                        float v = e.rowBias() == null ? expected[j] : expected[j] + e.rowBias()[i];
                                        if (e.addend() != null) v += e.addend()[j];
                                        expected[j] = e.relu() ? Math.max(v, 0f) : v;
                                    }
                                }
                                g.gemm(p, false, n, b, 0, n, actual, 0, n, acc, e);
                                assertThat(actual).as("%s m=%d n=%d k=%d acc=%b relu=%b threads=%d", g.getClass().getSimpleName(),
                                        m, n, k, acc, e.relu(), threads).containsExactly(expected);
                            }
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
    }

    /** The one-vector edge tile equals the first vector of columns of the full tile, bit for bit. */
    @Test
    void narrowTileEqualsTheFullTilesFirstColumns() {
        Random rnd = new Random(17);
        for (int kc : new int[] {1, 7, 64, 256}) {
            float[] ap = random(rnd, kc * MicroKernel.MR), bp = random(rnd, kc * MicroKernel.NR);
            float[] full = new float[MicroKernel.MR * MicroKernel.NR], narrow = new float[MicroKernel.MR * MicroKernel.NR];
            MicroKernel.tile(kc, ap, 0, bp, 0, full, 0, MicroKernel.NR, true);
            MicroKernel.narrowTile(kc, ap, 0, bp, 0, narrow, 0, MicroKernel.NR);
            for (int r = 0; r < MicroKernel.MR; r++) {
                for (int j = 0; j < MicroKernel.L; j++) {
                    assertThat(narrow[r * MicroKernel.NR + j]).as("kc=%d r=%d j=%d", kc, r, j).isEqualTo(full[r * MicroKernel.NR + j]);
                }
            }
        }
    }

    /** Both operands packed beforehand give the unpacked result exactly, however the product splits over threads. */
    @Test
    void bothOperandsPackedGiveTheUnpackedResultExactly() {
        int saved = Parallel.threads();
        try {
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                Random rnd = new Random(19);
                for (int[] s : new int[][] {{49, 256, 600}, {49, 300, 512}, {52, 33, 300}, {12, 96, 27}, {5, 64, 70}}) {
                    int m = s[0], n = s[1], k = s[2];
                    for (boolean tA : new boolean[] {false, true}) {
                        for (boolean tB : new boolean[] {false, true}) {
                            float[] a = random(rnd, m * k), b = random(rnd, k * n), plain = new float[m * n], packed = new float[m * n];
                            Gemm g = new VectorGemm();
                            g.gemm(tA, tB, m, n, k, a, b, plain, false);
                            g.gemm(g.pack(tA, m, k, a, 0, tA ? m : k), g.packB(tB, k, n, b, 0, tB ? k : n), packed, 0, n, false);
                            assertThat(packed).as("m=%d n=%d k=%d tA=%b tB=%b threads=%d", m, n, k, tA, tB, threads).containsExactly(plain);
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
    }

    @Test
    void zeroDepthClearsOrKeepsC() {
        for (Gemm g : List.of(new VectorGemm(), new ScalarGemm())) {
            float[] c = {1, 2, 3, 4};
            g.gemm(false, false, 2, 2, 0, new float[0], new float[0], c, true);
            assertThat(c).containsExactly(1, 2, 3, 4);
            g.gemm(false, false, 2, 2, 0, new float[0], new float[0], c, false);
            assertThat(c).containsExactly(0, 0, 0, 0);
        }
    }

    /**
     * Runs one product with offsets and (optionally) leading dimensions wider than the matrices,
     * and compares with the reference: |c - ref| <= 1e-4 * (1 + sum |a||b| + |c0|) per element.
     * C starts as NaN when overwriting (the kernel must not read it), and the padding of C must
     * keep its sentinel value.
     */
    static void check(Gemm g, Random rnd, int m, int n, int k, boolean tA, boolean tB, boolean acc,
                      boolean padded) {
        check(g, rnd, m, n, k, tA, tB, acc, padded, false);
    }

    /** The same; with {@code packed}, A goes through {@link Gemm#pack} first. */
    static void check(Gemm g, Random rnd, int m, int n, int k, boolean tA, boolean tB, boolean acc,
                      boolean padded, boolean packed) {
        int aRows = tA ? k : m, aCols = tA ? m : k, bRows = tB ? n : k, bCols = tB ? k : n;
        int lda = aCols + (padded ? 1 + rnd.nextInt(5) : 0);
        int ldb = bCols + (padded ? 1 + rnd.nextInt(5) : 0);
        int ldc = n + (padded ? 1 + rnd.nextInt(5) : 0);
        int aOff = padded ? rnd.nextInt(7) : 0, bOff = padded ? rnd.nextInt(7) : 0, cOff = padded ? rnd.nextInt(7) : 0;
        float[] a = random(rnd, aOff + aRows * lda), b = random(rnd, bOff + bRows * ldb);
        float[] c = new float[cOff + m * ldc + 3];
        java.util.Arrays.fill(c, SENTINEL);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) c[cOff + i * ldc + j] = acc ? rnd.nextFloat() * 2 - 1 : Float.NaN;
        }
        float[] expected = c.clone(), bound = abs(c);
        if (!acc) java.util.Arrays.fill(expected, 0, expected.length, SENTINEL);
        Gemm ref = new ReferenceGemm();
        ref.gemm(tA, tB, m, n, k, a, aOff, lda, b, bOff, ldb, expected, cOff, ldc, acc);
        ref.gemm(tA, tB, m, n, k, abs(a), aOff, lda, abs(b), bOff, ldb, bound, cOff, ldc, acc);

        if (packed) g.gemm(g.pack(tA, m, k, a, aOff, lda), tB, n, b, bOff, ldb, c, cOff, ldc, acc);
        else g.gemm(tA, tB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, acc);

        for (int idx = 0; idx < c.length; idx++) {
            int rel = idx - cOff, i = Math.floorDiv(rel, ldc), j = Math.floorMod(rel, ldc);
            boolean inside = rel >= 0 && i < m && j < n;
            if (!inside) {
                if (c[idx] != SENTINEL) fail("wrote outside C at %d (%s)", idx, g.getClass().getSimpleName());
                continue;
            }
            double tol = 1e-4 * (1 + bound[idx]);
            if (!(Math.abs(c[idx] - expected[idx]) <= tol)) {
                fail("%s m=%d n=%d k=%d tA=%b tB=%b acc=%b: C[%d,%d] = %s, expected %s",
                        g.getClass().getSimpleName(), m, n, k, tA, tB, acc, i, j, c[idx], expected[idx]);
            }
        }
    }

    private static float[] random(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rnd.nextFloat() * 2 - 1;
        return x;
    }

    private static float[] abs(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.abs(x[i]);
        return y;
    }
}
