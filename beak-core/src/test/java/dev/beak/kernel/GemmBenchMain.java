package dev.beak.kernel;

/** Prints GFLOP/s of the selected GEMM on the training shapes (tmp version). */
public final class GemmBenchMain {
    public static void main(String[] args) {
        int[][] shapes = {{64, 800, 12544, 0}, {800, 64, 12544, 1}, {64, 12544, 800, 2}, {1024, 1024, 1024, 0}, {2048, 2048, 2048, 0}};
        Gemm g = new VectorGemm();
        java.util.Random r = new java.util.Random(1);
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            boolean ta = s[3] == 1, tb = s[3] == 2;
            float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
            for (int i = 0; i < a.length; i++) a[i] = r.nextFloat();
            for (int i = 0; i < b.length; i++) b[i] = r.nextFloat();
            double best = 1e30;
            for (int it = 0; it < 15; it++) {
                long t0 = System.nanoTime();
                g.gemm(ta, tb, m, n, k, a, b, c, false);
                best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
            }
            System.out.printf("%5d x %5d x %5d %s  %7.1f GFLOP/s%n", m, k, n, ta ? "tA" : tb ? "tB" : "  ", 2.0 * m * n * k / best * 1e-9);
        }
    }
}
