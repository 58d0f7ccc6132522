package dev.beak.bench.jmh;

import dev.beak.kernel.Gemm;
import dev.beak.kernel.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The GEMM kernels on the shapes that matter: square n = 2048 (the OpenBLAS comparison) and the W1
 * convolution and dense products. Time per call; GFLOP/s = 2 m n k / time.
 * Run: {@code beak-bench/jmh GemmBenchmark} (see BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {
    /** m x n x k, transA, transB. */
    @Param({"2048x2048x2048", "64x196x800", "800x64x196tn", "64x1024x3136"})
    public String shape;

    @Param({"vector", "scalar"})
    public String kernel;

    int m, n, k;
    boolean transA, transB;
    float[] a, b, c;
    Gemm gemm;

    @Setup
    public void setup() {
        String[] p = shape.replaceAll("[a-z]+$", "").split("x");
        m = Integer.parseInt(p[0]);
        n = Integer.parseInt(p[1]);
        k = Integer.parseInt(p[2]);
        transA = shape.endsWith("tn");
        transB = shape.endsWith("nt");
        SplittableRandom rng = new SplittableRandom(1);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextDouble();
        for (int i = 0; i < b.length; i++) b[i] = (float) rng.nextDouble();
        gemm = kernel.equals("vector") ? Kernels.gemm() : Kernels.scalarGemm();
    }

    @Benchmark
    public float[] gemm() {
        gemm.gemm(transA, transB, m, n, k, a, b, c, false);
        return c;
    }
}
