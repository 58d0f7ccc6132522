package dev.beak.spark;

import dev.beak.nn.train.History;

/**
 * The figures of a {@link SparkTrainer#fit}: one entry per epoch (loss, accuracy, validation, time,
 * learning rate, as {@code Model.fit} reports them) and one per round (its number in the entry's
 * {@code epoch} field; loss, accuracy, samples and seconds of that round's global batch). Both also
 * give {@code compute_seconds}: the longest task's forward and backward time per round, summed over
 * the epoch's rounds in the epoch entry; {@code seconds} minus it is Spark's share (broadcast,
 * scheduling, aggregation).
 */
public record SparkRun(History epochs, History rounds) {}
