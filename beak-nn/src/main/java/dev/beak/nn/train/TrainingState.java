package dev.beak.nn.train;

import dev.beak.nn.layer.RandomStream;
import dev.beak.nn.optim.OptimizerState;

import java.util.List;
import java.util.Map;

/**
 * Everything besides the weights that a fit needs to continue exactly where it stopped: the epochs
 * done, the batches done in the next epoch (0: checkpoints are taken at epoch ends), the seed of the
 * batch order, the figures of every finished epoch (which also replay the learning-rate schedule), the
 * optimizer's moments and step counts, and the position of every layer's random stream by qualified
 * name ({@code dropout.masks}). With the model's weights and buffers it makes a checkpoint;
 * {@link FitOptions#resumeFrom} continues from one, and the result equals the uninterrupted fit bit
 * for bit (same thread count).
 *
 * <p>The one the trainer hands to {@link TrainingListener#onCheckpoint} shares the optimizer's buffers:
 * write it out (or copy it) before the next step.
 */
public record TrainingState(int epochsDone, int batchesDone, long seed, List<EpochLogs> history, OptimizerState optimizer,
                            Map<String, RandomStream.Position> randomStreams) {
    public TrainingState {
        if (epochsDone < 0) throw new IllegalArgumentException("epochs done must be >= 0, got " + epochsDone);
        if (batchesDone != 0) {
            throw new IllegalArgumentException("the state stops after batch " + batchesDone + " of epoch " + (epochsDone + 1)
                    + "; only states taken at an epoch's end (0 batches) can be resumed");
        }
        history = List.copyOf(history);
        if (history.size() != epochsDone) {
            throw new IllegalArgumentException("the state has done " + epochsDone + " epochs but its history holds " + history.size());
        }
        randomStreams = Map.copyOf(randomStreams);
    }

    /** The same state with optimizer buffers of its own, for keeping beyond the next training step. */
    public TrainingState copy() {
        return new TrainingState(epochsDone, batchesDone, seed, history, optimizer.copy(), randomStreams);
    }

    /** The history so far as a {@link History}, for listeners and schedules. */
    public History toHistory() {
        History h = new History();
        history.forEach(h::add);
        return h;
    }
}
