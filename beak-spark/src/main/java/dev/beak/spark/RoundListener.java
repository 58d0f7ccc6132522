package dev.beak.spark;

import dev.beak.nn.train.EpochLogs;

/** Runs on the driver after every round and every epoch of {@link SparkTrainer#fit} (progress output, logs). */
public interface RoundListener {
    RoundListener NONE = new RoundListener() {};

    /** {@code logs.epoch()} is the round's number (1-based over the whole run). */
    default void onRound(EpochLogs logs, int roundsPerEpoch) {}

    default void onEpoch(EpochLogs logs) {}
}
