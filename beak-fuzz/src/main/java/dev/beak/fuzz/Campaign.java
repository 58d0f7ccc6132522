package dev.beak.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one harness on mutated inputs until a count or a time budget is spent. Each input runs on a
 * worker thread with a time limit; the bytes that thread allocates are measured (the JVM's per-thread
 * counter), so an input that costs more than the memory limit is found even when the heap is large.
 * Inputs that throw an unexpected type, run over the time limit or allocate over the memory limit are
 * written to the findings folder.
 */
public final class Campaign {
    /** The limits an input must stay within. */
    public record Limits(long millis, long bytes) {
        public static final Limits DEFAULT = new Limits(5_000, 512L << 20);
    }

    /** What a campaign found. */
    public record Result(String harness, long inputs, long loaded, long refused, Map<String, Long> unexpected, long slow,
                         long overMemory, long slowestMillis, long mostBytes, double seconds) {
        public long failures() {
            return unexpected.values().stream().mapToLong(Long::longValue).sum() + slow + overMemory;
        }

        public String line() {
            return String.format(Locale.ROOT, "%-16s %,9d inputs  %,8d loaded  %,8d refused  unexpected %s  over %d ms: %d  over %d MB: %d"
                            + "  slowest %,d ms  most %,.1f MB  (%.0f s)", harness, inputs, loaded, refused,
                    unexpected.isEmpty() ? "0" : unexpected.toString(), Limits.DEFAULT.millis(), slow, Limits.DEFAULT.bytes() >> 20,
                    overMemory, slowestMillis, mostBytes / 1e6, seconds);
        }
    }

    private Campaign() {}

    /**
     * Runs {@code harness} on up to {@code maxInputs} inputs or for {@code maxSeconds}, whichever ends
     * first, with generator seed {@code seed}; findings go to {@code findings} (created when needed).
     */
    public static Result run(Harness harness, long maxInputs, double maxSeconds, long seed, Limits limits, Path scratch, Path findings)
            throws Exception {
        Mutator mutator = new Mutator(harness.seeds());
        SplittableRandom rng = new SplittableRandom(seed);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ExecutorService worker = newWorker();
        long inputs = 0, loaded = 0, refused = 0, slow = 0, overMemory = 0, slowest = 0, most = 0;
        Map<String, Long> unexpected = new LinkedHashMap<>();
        long start = System.nanoTime(), deadline = start + (long) (maxSeconds * 1e9);
        Files.createDirectories(scratch);
        while (inputs < maxInputs && System.nanoTime() < deadline) {
            byte[] input = mutator.next(rng);
            inputs++;
            Path dir = Files.createDirectories(scratch.resolve("run"));
            Path file = dir.resolve(harness.fileName());
            Files.write(file, input);
            long[] allocated = new long[1];
            Future<Throwable> f = worker.submit(() -> {
                long tid = Thread.currentThread().threadId(), before = threads.getThreadAllocatedBytes(tid);
                try {
                    harness.load(file, dir);
                    return null;
                } catch (Throwable t) {
                    return t;
                } finally {
                    allocated[0] = threads.getThreadAllocatedBytes(tid) - before;
                }
            });
            long t0 = System.nanoTime();
            Throwable thrown;
            try {
                thrown = f.get(limits.millis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                worker.shutdownNow();
                worker = newWorker();   // the stuck thread is left behind (a daemon); the next input gets a fresh one
                slow++;
                save(findings, harness, "slow", inputs, input, "over " + limits.millis() + " ms");
                clean(dir);
                continue;
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            slowest = Math.max(slowest, ms);
            most = Math.max(most, allocated[0]);
            if (allocated[0] > limits.bytes()) {
                overMemory++;
                save(findings, harness, "memory", inputs, input, allocated[0] + " bytes allocated");
            }
            if (thrown == null) {
                loaded++;
            } else if (harness.expected(thrown) && !(thrown instanceof Error)) {
                refused++;
            } else {
                unexpected.merge(thrown.getClass().getName(), 1L, Long::sum);
                save(findings, harness, thrown.getClass().getSimpleName(), inputs, input, stackTrace(thrown));
            }
            clean(dir);
        }
        worker.shutdownNow();
        return new Result(harness.name(), inputs, loaded, refused, unexpected, slow, overMemory, slowest, most,
                (System.nanoTime() - start) / 1e9);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static void save(Path findings, Harness h, String kind, long n, byte[] input, String why) throws IOException {
        if (findings == null) return;
        Path dir = Files.createDirectories(findings.resolve(h.name()));
        long kept;
        try (var s = Files.list(dir)) {
            kept = s.count();
        }
        if (kept >= 200) return;   // enough examples of one loader's findings
        String base = kind + "-" + n;
        Files.write(dir.resolve(base + ".bin"), input);
        Files.writeString(dir.resolve(base + ".txt"), why);
    }

    private static String stackTrace(Throwable t) {
        var w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    private static void clean(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The results of several campaigns, one line each. */
    public static String report(List<Result> results) {
        StringBuilder b = new StringBuilder();
        for (Result r : results) b.append(r.line()).append('\n');
        return b.toString();
    }
}
