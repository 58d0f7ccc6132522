package dev.beak.bench;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Times inference of one model the way ONNX Runtime's reference runner ({@code ../shared/bench/onnxruntime})
 * does: a uniform random input in [0, 1) drawn from {@code java.util.Random(42)}, warm-up, then the median
 * of {@code reps} timed runs, each one forward pass without gradients in a {@link Workspace}
 * scope. The lines have the runner's format with {@code "engine":"beak"}.
 *
 * {@snippet :
 * ModelBench.Result r = ModelBench.run("resnet50/model.onnx", x -> onnx.run(x), new int[] {1, 3, 224, 224}, 10);
 * r.print(System.out);
 * }
 */
public final class ModelBench {
    /**
     * Warm-up: at least three runs (the reference runner's count) and at least two seconds, because the
     * JIT compiles the kernels during the first runs (a 5 ms network is not compiled after three).
     */
    private static final int WARMUP = 3;
    private static final long WARMUP_NANOS = 2_000_000_000L;

    private ModelBench() {}

    /** Milliseconds per batch of each timed run, for the model called {@code name} at input shape {@code shape}. */
    public record Result(String name, int[] shape, double[] ms) {
        public double median() {
            double[] s = ms.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }

        /** The figures of the JSON line, as a map (for a command's one JSON object). */
        public java.util.Map<String, Object> toMap() {
            double[] s = ms.clone();
            Arrays.sort(s);
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("engine", "beak");
            m.put("model", name);
            m.put("batch", shape.length > 0 ? shape[0] : 1);
            m.put("unit", "ms/batch");
            m.put("median", s[s.length / 2]);
            m.put("min", s[0]);
            m.put("max", s[s.length - 1]);
            return m;
        }

        /** The human line and the JSON line, in the ONNX Runtime runner's format. */
        public void print(PrintStream out) {
            double[] s = ms.clone();
            Arrays.sort(s);
            double median = s[s.length / 2], min = s[0], max = s[s.length - 1];
            out.printf(Locale.ROOT, "%-40s ms/batch median %.2f [%.2f-%.2f] %s%n", name, median, min, max, Arrays.toString(shape));
            out.printf(Locale.ROOT, "{\"engine\":\"beak\",\"model\":\"%s\",\"batch\":%d,\"unit\":\"ms/batch\",\"median\":%.3f,"
                    + "\"min\":%.3f,\"max\":%.3f}%n", name, shape.length > 0 ? shape[0] : 1, median, min, max);
        }
    }

    /** Runs {@code infer} (an inference call, e.g. an imported model's {@code run}) on one random batch of {@code shape}. */
    public static Result run(String name, Function<Tensor, ?> infer, int[] shape, int reps) {
        if (reps < 1) throw new IllegalArgumentException("repetitions must be >= 1, got " + reps);
        int n = 1;
        for (int d : shape) n *= d;
        float[] x = new float[n];
        Random r = new Random(42);
        for (int i = 0; i < n; i++) x[i] = r.nextFloat();
        Tensor input = Tensor.of(x, shape.clone());
        long start = System.nanoTime();
        for (int i = 0; i < WARMUP || System.nanoTime() - start < WARMUP_NANOS; i++) once(infer, input);
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            once(infer, input);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return new Result(name, shape.clone(), ms);
    }

    private static void once(Function<Tensor, ?> infer, Tensor x) {
        try (var scope = Autograd.noGrad(); var step = Workspace.open()) {
            infer.apply(x);
        }
    }
}
