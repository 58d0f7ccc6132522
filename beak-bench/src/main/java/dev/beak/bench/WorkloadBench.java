package dev.beak.bench;

import dev.beak.autograd.Autograd;
import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.Optimizer;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times one figure of a {@link Workload} the way the PyTorch reference runner does: random normal
 * input and random labels, warm-up steps, then {@code reps} timed repetitions of {@code steps} steps
 * each. Train steps are zeroGrad, forward, softmax cross-entropy, backward, Adam (lr 1e-4); infer steps
 * are a forward pass in a no-grad scope. Every step runs in a {@link Workspace} scope, as in {@code Model.fit}.
 *
 * {@snippet :
 * Result r = WorkloadBench.run(Workload.W1, Workload.W1.runs().get(0), 5);
 * r.print(System.out);
 * }
 */
public final class WorkloadBench {
    private WorkloadBench() {}

    /** One figure: images/s per repetition, or ms per batch for inference at batch 1 of W3. */
    public record Result(Workload workload, Workload.Mode mode, int batch, String unit, double[] values,
                         long bytesPerStep) {
        public double median() {
            double[] s = sorted();
            return s[s.length / 2];
        }

        private double[] sorted() {
            double[] s = values.clone();
            Arrays.sort(s);
            return s;
        }

        /** One human line: heap bytes allocated per step during the timed repetitions (all threads). */
        public void printAllocation(PrintStream out) {
            out.printf(Locale.ROOT, "%s %s %s b%d: %,d bytes allocated per step%n", workload.name(), workload.title(),
                    mode().name().toLowerCase(Locale.ROOT), batch, bytesPerStep);
        }

        /** The figures of the JSON line, as a map (for a command's one JSON object). */
        public java.util.Map<String, Object> toMap() {
            double[] s = sorted();
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("engine", "beak");
            m.put("workload", workload.name());
            m.put("mode", mode().name().toLowerCase(Locale.ROOT));
            m.put("batch", batch);
            m.put("unit", unit);
            m.put("median", s[s.length / 2]);
            m.put("min", s[0]);
            m.put("max", s[s.length - 1]);
            if (bytesPerStep >= 0) m.put("bytes_per_step", bytesPerStep);
            return m;
        }

        /** The human line and the JSON line, in the reference runner's format. */
        public void print(PrintStream out) {
            double[] s = sorted();
            String mode = mode().name().toLowerCase(Locale.ROOT);
            String name = workload.name() + " " + workload.title() + " " + mode + " b" + batch;
            out.printf("%-34s %s median %.2f [%.2f-%.2f]%n", name, unit, s[s.length / 2], s[0], s[s.length - 1]);
            out.printf(Locale.ROOT, "{\"engine\":\"beak\",\"workload\":\"%s\",\"mode\":\"%s\",\"batch\":%d,\"unit\":\"%s\","
                    + "\"median\":%.3f,\"min\":%.3f,\"max\":%.3f}%n", workload.name(), mode, batch, unit,
                    s[s.length / 2], s[0], s[s.length - 1]);
        }
    }

    /** Runs one figure; the model is built fresh (seed 0) for it. */
    public static Result run(Workload workload, Workload.Run run, int reps) {
        if (reps < 1) throw new IllegalArgumentException("repetitions must be >= 1, got " + reps);
        Model model = workload.model(0);
        SplittableRandom rng = new SplittableRandom(0);
        Tensor x = Tensor.randn(rng, Shape.prepend(run.batch(), workload.input()));
        float[] labels = new float[run.batch()];
        for (int i = 0; i < labels.length; i++) labels[i] = rng.nextInt(workload.classes());
        Tensor y = Tensor.of(labels, run.batch());
        Runnable step = run.mode() == Workload.Mode.TRAIN ? trainStep(model, x, y) : inferStep(model, x);
        for (int i = 0; i < run.warmup(); i++) step.run();
        boolean perBatch = run.mode() == Workload.Mode.INFER && run.batch() == 1;
        double[] values = new double[reps];
        long allocated = allocatedBytes();
        for (int r = 0; r < reps; r++) {
            long t = System.nanoTime();
            for (int i = 0; i < run.steps(); i++) step.run();
            double seconds = (System.nanoTime() - t) * 1e-9;
            values[r] = perBatch ? seconds / run.steps() * 1000 : (double) run.batch() * run.steps() / seconds;
        }
        long perStep = (allocatedBytes() - allocated) / ((long) reps * run.steps());
        return new Result(workload, run.mode(), run.batch(), perBatch ? "ms/batch" : "img/s", values, perStep);
    }

    /** Bytes allocated so far by all live threads (the kernel pool's workers included), or -1 if unknown. */
    static long allocatedBytes() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)
                || !mx.isThreadAllocatedMemorySupported()) {
            return -1;
        }
        long sum = 0;
        for (long b : mx.getThreadAllocatedBytes(mx.getAllThreadIds())) if (b > 0) sum += b;
        return sum;
    }

    /** One full training step, as {@code Trainer.fit} runs it. */
    static Runnable trainStep(Model model, Tensor x, Tensor y) {
        Collection<Tensor> params = model.parameters().values();
        Optimizer adam = new Adam(1e-4);
        Loss loss = new CrossEntropy();
        return () -> {
            try (var step = Workspace.open()) {
                for (Tensor p : params) p.zeroGrad();
                Tensor l = loss.compute(model.forward(x, true), y);
                l.backward();
                adam.step(params);
            }
        };
    }

    static Runnable inferStep(Model model, Tensor x) {
        return () -> {
            try (var scope = Autograd.noGrad(); var step = Workspace.open()) {
                model.forward(x, false);
            }
        };
    }
}
