package dev.beak.cli;

import dev.beak.bench.ModelBench;
import dev.beak.bench.Workload;
import dev.beak.bench.WorkloadBench;
import dev.beak.kernel.Parallel;
import dev.beak.tensor.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Times the workloads of WORKLOADS.md on random data ({@link WorkloadBench}), printing lines in the PyTorch runner's format, and
 * the inference of zoo networks, .beak and .onnx models ({@link ModelBench}), printing lines in the ONNX Runtime runner's format.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time workloads W1 (MNIST CNN), W2 (CIFAR CNN), W3 (VGG16), W4 (ResNet-18) on random data, "
                + "or the inference of zoo networks, .beak and .onnx models (batch 1 unless --batch-size); "
                + "one human line and one JSON line per figure (--json: one JSON object with all of them).",
        footerHeading = "%nExamples:%n",
        footer = {"  beak bench W1 W2 --mode train", "  beak bench resnet18 model.onnx --batch-size 8 --json"})
final class BenchCommand implements Callable<Integer> {
    enum ModeOption { train, infer }

    @Parameters(arity = "1..*", paramLabel = "WORKLOAD|MODEL", description = "W1, W2, W3, W4, zoo networks (beak zoo), .beak or .onnx model files (several allowed).")
    List<String> targets;

    @Option(names = "--mode", description = "train or infer (default: every mode the workload defines).")
    ModeOption mode;

    @Option(names = {"--batch-size", "--batch"}, paramLabel = "N", description = "Batch size (default: the workload's; 1 for models).")
    Integer batch;

    @Option(names = "--threads", description = "Kernel threads (default: one per core).")
    Integer threads;

    @Option(names = "--alloc", description = "Also print the heap bytes allocated per step (all threads).")
    boolean alloc;

    @Option(names = "--reps", description = "Timed repetitions (default: 5 for workloads, 10 for models).")
    Integer reps;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        if (threads != null) Parallel.setThreads(threads);
        PrintStream out = output.json ? System.err : System.out;
        String version = Main.class.getPackage().getImplementationVersion();
        out.printf("beak %s, java %s, %d threads%n", version == null ? "dev" : version, System.getProperty("java.version"), Parallel.threads());
        List<Map<String, Object>> results = new ArrayList<>();
        int status = 0;
        for (String target : targets) {
            try {
                var workload = Workload.parse(target);
                if (workload.isPresent()) {
                    List<Workload.Run> runs = workload.get().runs(mode == null ? null : Workload.Mode.valueOf(mode.name().toUpperCase(Locale.ROOT)), batch);
                    if (runs.isEmpty()) throw new UnsupportedOperationException("has no " + mode + " figure");
                    for (Workload.Run r : runs) {
                        WorkloadBench.Result result = WorkloadBench.run(workload.get(), r, reps == null ? 5 : reps);
                        result.print(out);
                        if (alloc) result.printAllocation(out);
                        results.add(result.toMap());
                    }
                } else {
                    ModelBench.Result r = benchModel(target);
                    r.print(out);
                    results.add(r.toMap());
                }
            } catch (Exception e) { // one line per target that cannot be timed (2: not a target bench takes), and on with the next
                out.println(target + ": " + Main.describe(e));
                status = Math.max(status, e instanceof UnsupportedOperationException ? 2 : 1);
            }
            out.flush();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("java", System.getProperty("java.version"));
        figures.put("threads", Parallel.threads());
        figures.put("results", results);
        output.result(figures);
        return status;
    }

    /** Times the inference of a model ({@link BenchTarget}); a graph fixed to one batch size (a Reshape to (1, -1)) fails at another. */
    private ModelBench.Result benchModel(String target) throws Exception {
        int n = batch == null ? 1 : batch;
        BenchTarget t = BenchTarget.of(target, n);
        int[] shape = Shape.prepend(n, t.sampleShape());
        try {
            return ModelBench.run(t.name(), t.infer(), shape, reps == null ? 10 : reps);
        } catch (RuntimeException e) {
            throw new IllegalStateException("at input " + Shape.toString(shape) + ": " + Main.describe(e), e);
        }
    }
}
