package dev.beak.cli;

import dev.beak.bench.ModelBench;
import dev.beak.nn.Model;
import dev.beak.nn.zoo.Zoo;
import dev.beak.bench.Workload;
import dev.beak.bench.WorkloadBench;
import dev.beak.onnx.OnnxImporter;
import dev.beak.onnx.OnnxModel;
import dev.beak.kernel.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Times the workloads of WORKLOADS.md on random data, printing lines in the PyTorch runner's format, and
 * imported ONNX models' inference, printing lines in the ONNX Runtime runner's format.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time workloads W1 (MNIST CNN), W2 (CIFAR CNN), W3 (VGG16), W4 (ResNet-18) on random data, "
                + "or the inference of zoo networks, .beak and .onnx models (batch 1 unless --batch); "
                + "one human line and one JSON line per figure.")
final class BenchCommand implements Callable<Integer> {
    enum ModeOption { train, infer }

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "WORKLOAD|MODEL", description = "W1, W2, W3, W4, zoo networks (beak zoo), .beak or .onnx model files (several allowed).")
    List<String> targets;

    @Option(names = "--mode", description = "train or infer (default: every mode the workload defines).")
    ModeOption mode;

    @Option(names = "--batch", description = "Batch size (default: the workload's).")
    Integer batch;

    @Option(names = "--threads", description = "Kernel threads (default: one per core).")
    Integer threads;

    @Option(names = "--alloc", description = "Also print the heap bytes allocated per step (all threads).")
    boolean alloc;

    @Option(names = "--reps", description = "Timed repetitions (default: 5 for workloads, 10 for models).")
    Integer reps;

    /** With --batch, W3's two inference figures become one. */
    private static java.util.function.Predicate<Workload.Run> distinctModeAndBatch() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return r -> seen.add(r.mode() + "/" + r.batch());
    }

    @Override
    public Integer call() {
        if (threads != null) Parallel.setThreads(threads);
        PrintStream out = System.out;
        out.printf("beak %s, java %s, %d threads%n", Main.class.getPackage().getImplementationVersion() == null ? "dev"
                : Main.class.getPackage().getImplementationVersion(), System.getProperty("java.version"), Parallel.threads());
        int status = 0;
        for (String target : targets) {
            if (target.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
                status = Math.max(status, benchModel(Path.of(target), out));
                continue;
            }
            if (Zoo.contains(target) || target.toLowerCase(Locale.ROOT).endsWith(".beak")) {
                status = Math.max(status, benchNative(target, out));
                continue;
            }
            Workload w;
            try {
                w = Workload.valueOf(target.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                out.println(target + ": not a workload (W1, W2, W3, W4), a zoo network (beak zoo), a .beak nor an .onnx file");
                status = 2;
                continue;
            }
            List<Workload.Run> runs = w.runs().stream()
                    .filter(r -> mode == null || r.mode().name().equalsIgnoreCase(mode.name()))
                    .map(r -> batch == null ? r : new Workload.Run(r.mode(), batch, r.steps(), r.warmup()))
                    .filter(distinctModeAndBatch())
                    .toList();
            if (runs.isEmpty()) {
                out.println(w + " has no " + mode + " figure");
                status = 2;
            }
            for (Workload.Run r : runs) {
                WorkloadBench.Result result = WorkloadBench.run(w, r, reps == null ? 5 : reps);
                result.print(out);
                if (alloc) result.printAllocation(out);
                out.flush();
            }
        }
        return status;
    }

    /** Times the inference ({@code Model.predict}) of a zoo network at its default size or of a saved model. */
    private int benchNative(String target, PrintStream out) {
        Model model;
        try {
            model = ModelSource.resolve(target, 0);
        } catch (IOException | RuntimeException e) {
            out.println(target + ": " + e.getMessage());
            return 1;
        }
        if (model.inputCount() != 1) {
            out.println(target + ": takes " + model.inputCount() + " inputs; beak bench times single-input models");
            return 2;
        }
        int n = batch == null ? 1 : batch;
        int[] shape = dev.beak.tensor.Shape.prepend(n, model.inputShape());
        try {
            ModelBench.run(target, x -> model.predict(x, n), shape, reps == null ? 10 : reps).print(out);
        } finally {
            out.flush();
        }
        return 0;
    }

    /** Imports {@code file} and times its inference; the model is named by its folder, as ONNX Runtime's runner does. */
    private int benchModel(Path file, PrintStream out) {
        OnnxModel onnx;
        try {
            onnx = OnnxImporter.load(file);
        } catch (IOException | RuntimeException e) {
            out.println(file + ": " + e.getMessage());
            return 1;
        }
        if (onnx.inputNames().size() != 1) {
            out.println(file + ": takes " + onnx.inputNames().size() + " inputs; beak bench times single-input models");
            return 2;
        }
        int[] shape = dev.beak.tensor.Shape.prepend(batch == null ? 1 : batch, onnx.model().inputShape());
        String name = file.getParent() == null ? file.toString() : file.getParent().getFileName() + "/" + file.getFileName();
        try {
            ModelBench.run(name, onnx::run, shape, reps == null ? 10 : reps).print(out);
        } catch (RuntimeException e) {
            // A graph fixed to one batch size (a Reshape to (1, -1)) fails at another: say so, and go on with the next model.
            out.println(name + " at input " + dev.beak.tensor.Shape.toString(shape) + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
        return 0;
    }
}
