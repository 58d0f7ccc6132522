package dev.beak.spark;

import dev.beak.io.SavedModel;
import org.apache.spark.broadcast.Broadcast;

import java.util.Collections;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Executor-side copies of a broadcast model, built once per executor JVM and per concurrent task: a
 * model holds its activations and gradients, so two tasks never share one. A task borrows a copy and
 * gives it back when done; the next round's task on that executor reuses it (it loads the round's
 * weights into it first, so a copy carries nothing from one round to the next).
 */
final class Replicas {
    static final int KEPT = 4;
    private static final Map<Long, Queue<SavedModel>> POOLS = new ConcurrentHashMap<>();

    private Replicas() {}

    static SavedModel borrow(Broadcast<byte[]> model) {
        SavedModel m = pool(model).poll();
        return m != null ? m : ModelBytes.load(model.value());
    }

    static void giveBack(Broadcast<byte[]> model, SavedModel copy) {
        pool(model).add(copy);
    }

    /** Drops the copies of {@code model} on this JVM (the driver's, in local mode) once its run is over. */
    static void forget(Broadcast<byte[]> model) {
        POOLS.remove(model.id());
    }

    /**
     * The copies of {@code model}. An executor keeps the copies of the {@value #KEPT} newest models only
     * (by broadcast id), so a long-lived session that trains or scores many models does not pile them up.
     */
    private static Queue<SavedModel> pool(Broadcast<byte[]> model) {
        Queue<SavedModel> q = POOLS.get(model.id());
        if (q != null) return q;
        synchronized (POOLS) {
            q = POOLS.get(model.id());
            if (q != null) return q;
            while (POOLS.size() >= KEPT) POOLS.remove(Collections.min(POOLS.keySet()));
            q = new ConcurrentLinkedQueue<>();
            POOLS.put(model.id(), q);
            return q;
        }
    }
}
