package dev.beak.spark;

import java.io.Serializable;

/**
 * Runs inside each training task, on the executor, before the task computes its shard of a round: for
 * monitoring, and for tests that make a task fail to check that Spark's retry leaves the run unchanged.
 */
@FunctionalInterface
public interface ShardHook extends Serializable {
    ShardHook NONE = (round, partition) -> {};

    void beforeShard(int round, int partition);
}
