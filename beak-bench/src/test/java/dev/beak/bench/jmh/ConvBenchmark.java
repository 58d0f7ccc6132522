package dev.beak.bench.jmh;

import dev.beak.autograd.Autograd;
import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;
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
 * Convolution forward, and forward + backward, on workload shapes: the second W1 convolution
 * (64 x 32 x 14 x 14, 64 filters 5x5 same) and a VGG16 block-3 convolution at batch 1
 * (1 x 256 x 56 x 56, 256 filters 3x3 same). Run: {@code beak-bench/jmh ConvBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ConvBenchmark {
    /** N x C x H x W, F, k. */
    @Param({"64x32x14x14-64-5", "1x256x56x56-256-3"})
    public String shape;

    Tensor x, w, b;

    @Setup
    public void setup() {
        String[] p = shape.split("-"), in = p[0].split("x");
        int n = Integer.parseInt(in[0]), c = Integer.parseInt(in[1]), h = Integer.parseInt(in[2]), wd = Integer.parseInt(in[3]);
        int f = Integer.parseInt(p[1]), k = Integer.parseInt(p[2]);
        SplittableRandom rng = new SplittableRandom(2);
        x = Tensor.randn(rng, n, c, h, wd).requiringGrad();
        w = Tensor.randn(rng, f, c, k, k).requiringGrad();
        b = Tensor.randn(rng, f).requiringGrad();
    }

    @Benchmark
    public float forward() {
        try (var ng = Autograd.noGrad(); var ws = Workspace.open()) {
            return Ops.conv2d(x, w, b, 1, Padding.SAME).data()[0];
        }
    }

    @Benchmark
    public float forwardBackward() {
        try (var ws = Workspace.open()) {
            Tensor y = Ops.conv2d(x, w, b, 1, Padding.SAME);
            y.backward(y.data());
            return w.gradBuffer()[0];
        }
    }
}
