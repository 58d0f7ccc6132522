package dev.beak.kernel;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** TEMPORARY stand-in until the fixed pool lands. */
public final class Parallel {
    private Parallel() {}

    public static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static void forEach(int tasks, IntConsumer body) {
        IntStream.range(0, tasks).parallel().forEach(body);
    }

    /** A range body: handles indices [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** Splits [0, n) into a few contiguous chunks per thread and runs them in parallel. */
    public static void forRange(int n, RangeBody body) {
        if (n <= 0) return;
        int chunks = Math.min(n, threads() * 4);
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        forEach(chunks, t -> body.run((int) ((long) n * t / chunks), (int) ((long) n * (t + 1) / chunks)));
    }
}
