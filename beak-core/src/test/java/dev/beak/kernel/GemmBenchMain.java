package dev.beak.kernel;

import java.util.Locale;
import java.util.Random;

/**
 * Prints GFLOP/s of {@link Kernels#gemm()} on the shapes of a training step (not a test).
 *
 * <p>Shapes are (M, K, N): C (M x N) = op(A) (M x K) * op(B) (K x N). Each shape is warmed up,
 * then timed repeatedly for a few seconds; the best run is reported because the machine is shared.
 * Options: {@code --threads N}, {@code --seconds S} (per shape), {@code --shape I} (only the I-th,
 * 0-based). The system property {@code beak.kernels=scalar} benchmarks the scalar kernel.
 */
public final class GemmBenchMain {
    /** M, K, N, and how A and B are stored: 0 plain, 1 A transposed, 2 B transposed. */
    private static final int[][] SHAPES = {
        {64, 800, 12544, 0}, {800, 64, 12544, 1}, {64, 12544, 800, 2}, {1024, 1024, 1024, 0},
        {2048, 2048, 2048, 0},
    };

    private GemmBenchMain() {}

    public static void main(String[] args) {
        double seconds = 3;
        int only = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> Parallel.setThreads(Integer.parseInt(args[++i]));
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--shape" -> only = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Gemm g = Kernels.gemm();
        System.out.printf("%s, %d threads%n", g.getClass().getSimpleName(), Parallel.threads());
        for (int s = 0; s < SHAPES.length; s++) {
            if (only < 0 || only == s) run(g, SHAPES[s], seconds);
        }
    }

    private static void run(Gemm g, int[] shape, double seconds) {
        int m = shape[0], k = shape[1], n = shape[2];
        boolean tA = shape[3] == 1, tB = shape[3] == 2;
        Random rnd = new Random(1);
        float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() - 0.5f;
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextFloat() - 0.5f;
        double flops = 2.0 * m * n * k, best = Double.MAX_VALUE;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int rep = 0; rep < 3 || System.nanoTime() < end; rep++) {
            long t0 = System.nanoTime();
            g.gemm(tA, tB, m, n, k, a, b, c, false);
            long t = System.nanoTime() - t0;
            if (rep >= 2) best = Math.min(best, t * 1e-9); // the first runs warm the JIT up
        }
        System.out.printf(Locale.ROOT, "M=%5d K=%5d N=%5d %-6s %8.1f GFLOP/s  (%.2f ms)%n", m, k, n,
                tA ? "transA" : tB ? "transB" : "", flops / best * 1e-9, best * 1e3);
    }
}
