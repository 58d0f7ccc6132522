package dev.beak.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private final int saved = Parallel.threads();

    @AfterEach
    void restore() {
        Parallel.setThreads(saved);
    }

    @Test
    void runsEveryIndexExactlyOnce() {
        for (int threads : new int[] {1, 2, 3, 5}) {
            Parallel.setThreads(threads);
            assertThat(Parallel.threads()).isEqualTo(threads);
            for (int tasks : new int[] {0, 1, 2, 7, 100, 1000}) {
                for (int rep = 0; rep < 20; rep++) {
                    AtomicIntegerArray hits = new AtomicIntegerArray(tasks);
                    Parallel.forEach(tasks, hits::incrementAndGet);
                    for (int i = 0; i < tasks; i++) assertThat(hits.get(i)).as("index %d", i).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void usesMoreThanOneThreadWhenAvailable() {
        Parallel.setThreads(2);
        java.util.Set<Thread> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int rep = 0; rep < 200 && seen.size() < 2; rep++) {
            Parallel.forEach(64, i -> {
                seen.add(Thread.currentThread());
                long t = System.nanoTime();
                while (System.nanoTime() - t < 20_000) Thread.onSpinWait();
            });
        }
        assertThat(seen).hasSize(2);
    }

    @Test
    void propagatesExceptions() {
        Parallel.setThreads(2);
        assertThatThrownBy(() -> Parallel.forEach(50, i -> {
            if (i == 17) throw new IllegalStateException("task 17");
        })).isInstanceOf(IllegalStateException.class).hasMessage("task 17");
        assertThatThrownBy(() -> Parallel.forEach(50, i -> {
            if (i == 3) throw new AssertionError("boom");
        })).isInstanceOf(AssertionError.class);
        // The pool still works afterwards.
        AtomicInteger sum = new AtomicInteger();
        Parallel.forEach(10, sum::addAndGet);
        assertThat(sum.get()).isEqualTo(45);
    }

    @Test
    void nestedCallsRunAndComplete() {
        Parallel.setThreads(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(20 * 30);
        Parallel.forEach(20, i -> Parallel.forEach(30, j -> hits.incrementAndGet(i * 30 + j)));
        for (int i = 0; i < hits.length(); i++) assertThat(hits.get(i)).isEqualTo(1);
    }

    @Test
    void concurrentCallersAreSerialisedSafely() throws InterruptedException {
        Parallel.setThreads(2);
        AtomicInteger total = new AtomicInteger();
        Thread[] callers = new Thread[3];
        for (int t = 0; t < callers.length; t++) {
            callers[t] = new Thread(() -> {
                for (int rep = 0; rep < 200; rep++) Parallel.forEach(10, i -> total.incrementAndGet());
            });
            callers[t].start();
        }
        for (Thread t : callers) t.join();
        assertThat(total.get()).isEqualTo(3 * 200 * 10);
    }

    @Test
    void rejectsNonPositiveThreadCounts() {
        assertThatThrownBy(() -> Parallel.setThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
