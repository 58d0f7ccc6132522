package dev.beak.cli;

import dev.beak.bench.Workload;
import dev.beak.bench.WorkloadBench;
import dev.beak.kernel.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** Times the workloads of WORKLOADS.md on random data, printing lines in the PyTorch runner's format. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time workloads W1 (MNIST CNN), W2 (CIFAR CNN), W3 (VGG16), W4 (ResNet-18) on random data; "
                + "one human line and one JSON line per figure.")
final class BenchCommand implements Callable<Integer> {
    enum ModeOption { train, infer }

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "WORKLOAD", description = "W1, W2, W3 or W4 (several allowed).")
    List<Workload> workloads;

    @Option(names = "--mode", description = "train or infer (default: every mode the workload defines).")
    ModeOption mode;

    @Option(names = "--batch", description = "Batch size (default: the workload's).")
    Integer batch;

    @Option(names = "--threads", description = "Kernel threads (default: one per core).")
    Integer threads;

    @Option(names = "--alloc", description = "Also print the heap bytes allocated per step (all threads).")
    boolean alloc;

    @Option(names = "--reps", defaultValue = "5", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int reps;

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
        for (Workload w : workloads) {
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
                WorkloadBench.Result result = WorkloadBench.run(w, r, reps);
                result.print(out);
                if (alloc) result.printAllocation(out);
                out.flush();
            }
        }
        return status;
    }
}
