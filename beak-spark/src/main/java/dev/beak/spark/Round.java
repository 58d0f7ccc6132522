package dev.beak.spark;

import java.io.Serializable;

/**
 * What the driver broadcasts for one round of synchronous training: the model's state before the
 * round (parameters, then buffers, in {@code Model.state()} order), the sample indices of the round's
 * global batch, and the seed of its random draws (dropout). A task computes its shard from these
 * alone, so a retried task computes the same contribution and a round cannot be corrupted by retries.
 */
record Round(int number, float[][] state, int[] batch, long seed) implements Serializable {}
