package dev.beak.spark;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.train.TrainingState;

import java.nio.file.Path;

/**
 * How {@link SparkTrainer#fit} runs: epochs, the global batch size (the batch one round's gradient
 * averages over, split across the partitions), the seed of the batch order and the random draws, and
 * optionally validation data (raw: the model's preprocessing is applied), checkpoints, a state to resume
 * from, a listener and a hook that runs inside every task.
 *
 * {@snippet :
 * SparkFitOptions o = SparkFitOptions.of(2, 64, 42).withValidation(test).withCheckpoints(Path.of("ckpt"), 100);
 * }
 *
 * @param checkpointEvery with {@code checkpointDir}: write the model every this many rounds (0: only at epoch ends)
 * @param aggregationDepth depth of {@code treeAggregate}'s tree (2 is Spark's default)
 */
public record SparkFitOptions(int epochs, int batchSize, long seed, TensorDataset validation, Path checkpointDir, int checkpointEvery,
                              TrainingState resume, RoundListener listener, ShardHook hook, int aggregationDepth) {
    public SparkFitOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (checkpointEvery < 0) throw new IllegalArgumentException("checkpoint interval must be >= 0 rounds, got " + checkpointEvery);
        if (aggregationDepth < 1) throw new IllegalArgumentException("aggregation depth must be >= 1, got " + aggregationDepth);
        if (listener == null) listener = RoundListener.NONE;
        if (hook == null) hook = ShardHook.NONE;
    }

    public static SparkFitOptions of(int epochs, int batchSize, long seed) {
        return new SparkFitOptions(epochs, batchSize, seed, null, null, 0, null, RoundListener.NONE, ShardHook.NONE, 2);
    }

    public SparkFitOptions withEpochs(int e) {
        return new SparkFitOptions(e, batchSize, seed, validation, checkpointDir, checkpointEvery, resume, listener, hook, aggregationDepth);
    }

    public SparkFitOptions withValidation(TensorDataset v) {
        return new SparkFitOptions(epochs, batchSize, seed, v, checkpointDir, checkpointEvery, resume, listener, hook, aggregationDepth);
    }

    /** A checkpoint (model, optimizer state, history) in {@code dir} after every epoch, and the model every {@code everyRounds} rounds. */
    public SparkFitOptions withCheckpoints(Path dir, int everyRounds) {
        return new SparkFitOptions(epochs, batchSize, seed, validation, dir, everyRounds, resume, listener, hook, aggregationDepth);
    }

    /** Continues from an epoch-end checkpoint's state: optimizer moments, history, then the next epoch. */
    public SparkFitOptions resumeFrom(TrainingState state) {
        return new SparkFitOptions(epochs, batchSize, state.seed(), validation, checkpointDir, checkpointEvery, state, listener, hook, aggregationDepth);
    }

    public SparkFitOptions withListener(RoundListener l) {
        return new SparkFitOptions(epochs, batchSize, seed, validation, checkpointDir, checkpointEvery, resume, l, hook, aggregationDepth);
    }

    public SparkFitOptions withHook(ShardHook h) {
        return new SparkFitOptions(epochs, batchSize, seed, validation, checkpointDir, checkpointEvery, resume, listener, h, aggregationDepth);
    }

    public SparkFitOptions withAggregationDepth(int depth) {
        return new SparkFitOptions(epochs, batchSize, seed, validation, checkpointDir, checkpointEvery, resume, listener, hook, depth);
    }
}
