package dev.beak.tensor;

import java.util.Arrays;

/**
 * A per-thread pool of float and int buffers that ops take their results, saved masks and
 * intermediate gradients from while a scope is open, so that a training step run in a scope reuses
 * the previous step's memory instead of allocating tens of megabytes.
 *
 * <p>Contract: a buffer taken inside a scope belongs to the scope until it closes; closing returns
 * every buffer taken since it opened (scopes nest: an inner scope returns only its own). Tensors
 * computed inside a scope, their gradients, and their autograd graph must therefore not be used after
 * the scope closes: copy what must survive ({@link Tensor#copy()}). Leaf tensors (parameters, inputs)
 * never take their gradients from the pool. Outside a scope {@link #floats} simply allocates.
 *
 * <p>The contract is enforced: a tensor made over a buffer that a scope lent (found among the last few
 * buffers handed out when the tensor is made) remembers that scope, and reading its data after the
 * scope closed throws instead of silently reading another step's numbers. The check is one field
 * test per {@code data()} call.
 *
 * {@snippet :
 * for (Batch batch : batches) {
 *     try (var step = Workspace.open()) {
 *         Tensor loss = lossFn.compute(model.forward(batch.x(), true), batch.y());
 *         double value = loss.item();            // read what you need before the scope closes
 *         loss.backward();
 *         optimizer.step(params);
 *     }
 * }
 * }
 */
public final class Workspace implements AutoCloseable {
    private static final ThreadLocal<Pool> POOL = ThreadLocal.withInitial(Pool::new);

    private final Pool pool;
    private final int mark;
    private final Workspace outer;
    private boolean closed;

    private Workspace(Pool pool) {
        this.pool = pool;
        this.mark = pool.taken;
        this.outer = pool.current;
        pool.current = this;
        pool.depth++;
    }

    /** Whether this scope has closed (its buffers went back to the pool). */
    boolean isClosed() {
        return closed;
    }

    /** How many of the latest buffers handed out a new tensor's array is looked for among. */
    private static final int RECENT = 4;

    /**
     * The open scope that lent {@code data}, when it is one of the last few buffers handed out on this
     * thread (a tensor is made right after its buffer is taken), else null.
     */
    static Workspace lenderOf(float[] data) {
        Pool p = POOL.get();
        Workspace w = p.current;
        if (w == null) return null;
        for (int i = p.taken - 1; i >= Math.max(w.mark, p.taken - RECENT); i--) {
            if (p.used[i] == data) return w;
        }
        return null;
    }

    /** Opens a scope on the calling thread. */
    public static Workspace open() {
        return new Workspace(POOL.get());
    }

    /** Whether a scope is open on the calling thread. */
    public static boolean active() {
        return POOL.get().depth > 0;
    }

    /** A float buffer of exactly {@code size} values with arbitrary contents (callers overwrite all of it). */
    public static float[] floats(int size) {
        Pool p = POOL.get();
        if (p.depth == 0) return new float[size];
        float[] a = (float[]) p.take(size, true);
        return a == null ? p.keep(new float[size]) : a;
    }

    /** A float buffer of exactly {@code size} zeros. */
    public static float[] zeros(int size) {
        Pool p = POOL.get();
        if (p.depth == 0) return new float[size];
        float[] a = (float[]) p.take(size, true);
        if (a == null) return p.keep(new float[size]);
        Arrays.fill(a, 0f);
        return a;
    }

    /** An int buffer of exactly {@code size} values with arbitrary contents. */
    public static int[] ints(int size) {
        Pool p = POOL.get();
        if (p.depth == 0) return new int[size];
        int[] a = (int[]) p.take(size, false);
        return a == null ? p.keep(new int[size]) : a;
    }

    /** Returns the buffers taken since this scope opened to the pool. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        pool.depth--;
        pool.current = outer;
        if (pool.taken < mark) throw new IllegalStateException("workspace scopes closed out of order");
        pool.release(mark);
    }

    /** Drops the calling thread's free buffers (call when a long job ends to give the memory back). */
    public static void trim() {
        Pool p = POOL.get();
        p.freeCount = 0;
        Arrays.fill(p.free, null);
    }

    /**
     * Free buffers (any length, either type) and the stack of taken ones. A step takes a few dozen
     * buffers, so a linear search for an exact length is cheaper than a map (and allocates nothing).
     */
    private static final class Pool {
        Object[] free = new Object[64];
        int freeCount;
        Object[] used = new Object[64];
        int taken;
        int depth;
        Workspace current;

        /** Removes and returns a free buffer of the exact length and type, or null. */
        Object take(int size, boolean isFloat) {
            for (int i = freeCount - 1; i >= 0; i--) {
                Object o = free[i];
                if (isFloat ? o instanceof float[] f && f.length == size : o instanceof int[] n && n.length == size) {
                    free[i] = free[--freeCount];
                    free[freeCount] = null;
                    return keep(o);
                }
            }
            return null;
        }

        <T> T keep(T buffer) {
            if (taken == used.length) used = Arrays.copyOf(used, taken * 2);
            used[taken++] = buffer;
            return buffer;
        }

        void release(int mark) {
            for (int i = taken - 1; i >= mark; i--) {
                if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
                free[freeCount++] = used[i];
                used[i] = null;
            }
            taken = mark;
        }
    }
}
