package dev.beak.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A fixed pool of daemon worker threads that runs the data-parallel loops of the kernels.
 *
 * <p>The pool size defaults to {@link Runtime#availableProcessors()}, can be set with the system
 * property {@code beak.threads} and changed with {@link #setThreads(int)}. {@link #forEach} hands
 * out task indices from a shared counter; the calling thread works too, so a pool of {@code n}
 * threads has {@code n - 1} workers. Idle workers spin briefly before parking, which keeps the
 * hand-off cheap when calls follow each other closely (as the GEMMs of a training step do).
 *
 * <p>One top-level loop runs at a time; calls from other threads wait for it. Calls made from
 * inside a task run serially on the calling thread, so kernels may nest freely.
 */
public final class Parallel {
    /** Spins (about a microsecond each with onSpinWait) before an idle thread parks. */
    private static final int SPINS = 20_000;

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static volatile Pool pool = new Pool(initialThreads());

    private Parallel() {}

    /** The number of threads a loop is spread over, the calling thread included. */
    public static int threads() {
        return pool.size;
    }

    /**
     * The threads a loop started here would get: 1 inside a task of another loop, whose nested
     * loops run serially ({@link #forEach}), else {@link #threads()}. Kernels that split work for
     * the threads (a GEMM re-packs a shared operand per part) split it only for these.
     */
    static int available() {
        return Thread.currentThread() instanceof Worker || LOCK.isHeldByCurrentThread() ? 1 : pool.size;
    }

    /** Replaces the pool by one of {@code n} threads (the calling thread counts as one). */
    public static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1: " + n);
        LOCK.lock();
        try {
            if (n == pool.size) return;
            pool.shutdown();
            pool = new Pool(n);
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Runs {@code body.accept(i)} for every {@code i} in {@code [0, tasks)}, spread over the pool,
     * and returns when all have finished. The first exception thrown by a task is rethrown here
     * (the remaining unstarted tasks are skipped).
     */
    public static void forEach(int tasks, IntConsumer body) {
        if (tasks <= 0) return;
        if (tasks == 1 || pool.size == 1 || Thread.currentThread() instanceof Worker
                || LOCK.isHeldByCurrentThread()) {
            for (int i = 0; i < tasks; i++) body.accept(i);
            return;
        }
        LOCK.lock();
        try {
            pool.run(new Job(tasks, body));
        } finally {
            LOCK.unlock();
        }
    }

    /** A body over a contiguous index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Splits {@code [0, n)} into a few contiguous chunks per thread (so uneven chunks still balance)
     * and runs them with {@link #forEach}.
     */
    public static void forRange(int n, RangeBody body) {
        if (n <= 0) return;
        int chunks = Math.min(n, threads() * 4);
        if (chunks == 1) {
            body.run(0, n);
            return;
        }
        forEach(chunks, t -> body.run((int) ((long) n * t / chunks), (int) ((long) n * (t + 1) / chunks)));
    }

    private static int initialThreads() {
        String p = System.getProperty("beak.threads");
        if (p != null && !p.isBlank()) {
            int n = Integer.parseInt(p.trim());
            if (n >= 1) return n;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** One call of forEach: its own counters, so a late worker never touches a later call. */
    private static final class Job {
        final int tasks;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final Thread caller = Thread.currentThread();

        Job(int tasks, IntConsumer body) {
            this.tasks = tasks;
            this.body = body;
        }

        /** Takes and runs tasks until none are left; wakes the caller after the last one. */
        void work() {
            int i;
            while ((i = next.getAndIncrement()) < tasks) {
                try {
                    if (error.get() == null) body.accept(i);
                } catch (Throwable t) {
                    error.compareAndSet(null, t);
                }
                if (done.incrementAndGet() == tasks && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        }

        /** The caller's wait: spin a little, then park until the last task wakes it. */
        void await() {
            for (int s = 0; done.get() < tasks; s++) {
                if (s < SPINS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
        }
    }

    /** The workers and the job they are to join; the job is published through a volatile field. */
    private static final class Pool {
        final int size;
        final Worker[] workers;
        volatile Job current;
        volatile boolean stopped;

        Pool(int size) {
            this.size = size;
            workers = new Worker[size - 1];
            for (int w = 0; w < workers.length; w++) {
                workers[w] = new Worker(this, w);
                workers[w].start();
            }
        }

        void run(Job job) {
            current = job;
            for (Worker w : workers) LockSupport.unpark(w);
            job.work();
            job.await();
            Throwable t = job.error.get();
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error e) throw e;
            if (t != null) throw new RuntimeException(t);
        }

        void shutdown() {
            stopped = true;
            for (Worker w : workers) LockSupport.unpark(w);
        }
    }

    /** A pool thread: waits for a job it has not seen yet, joins it, and waits again. */
    private static final class Worker extends Thread {
        private final Pool pool;

        Worker(Pool pool, int index) {
            super("beak-worker-" + index);
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = null;
            int spins = 0;
            while (!pool.stopped) {
                Job job = pool.current;
                if (job != seen) {
                    seen = job;
                    job.work();
                    spins = 0;
                } else if (spins < SPINS) {
                    spins++;
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
