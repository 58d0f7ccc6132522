package dev.beak.spark;

import dev.beak.io.SavedModel;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Executor-side copies of a broadcast model, built once per executor JVM and per concurrent task: a
 * model holds its activations and gradients, so two tasks never share one. A task borrows a copy and
 * gives it back when done; the next round's task on that executor reuses it (it loads the round's
 * weights into it first, so a copy carries nothing from one round to the next). Copies are kept by
 * application and broadcast id: a JVM that stops its SparkContext and starts another (tests, notebooks)
 * sees broadcast ids start at 0 again, and must not be handed the old application's models.
 */
final class Replicas {
    static final int KEPT = 4;
    private static final Map<Key, Queue<SavedModel>> POOLS = new ConcurrentHashMap<>();
    /** The keys in the order their pools were made, oldest first (guarded by POOLS). */
    private static final Deque<Key> ORDER = new ArrayDeque<>();

    /** A broadcast model of one Spark application. */
    private record Key(String application, long broadcast) {
        static Key of(Broadcast<byte[]> model) {
            SparkEnv env = SparkEnv.get();
            return new Key(env == null ? "" : env.conf().getAppId(), model.id());
        }
    }

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
        Key key = Key.of(model);
        synchronized (POOLS) {
            POOLS.remove(key);
            ORDER.remove(key);
        }
    }

    /**
     * The copies of {@code model}. An executor keeps the copies of the {@value #KEPT} newest models only
     * (the last ones first used here), so a long-lived session that trains or scores many models does not pile them up.
     */
    private static Queue<SavedModel> pool(Broadcast<byte[]> model) {
        Key key = Key.of(model);
        Queue<SavedModel> q = POOLS.get(key);
        if (q != null) return q;
        synchronized (POOLS) {
            q = POOLS.get(key);
            if (q != null) return q;
            while (POOLS.size() >= KEPT && !ORDER.isEmpty()) POOLS.remove(ORDER.removeFirst());
            q = new ConcurrentLinkedQueue<>();
            POOLS.put(key, q);
            ORDER.addLast(key);
            return q;
        }
    }
}
