package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their accumulated gradients. Parameters without a gradient (frozen, or not
 * reached by the loss) are skipped.
 *
 * {@snippet :
 * Optimizer opt = new Sgd(0.1, 0.9, true).weightDecay(5e-4).clipping(GradientClipping.globalNorm(5))
 *         .schedule(LearningRateSchedule.cosine(30, 0));
 * }
 */
public interface Optimizer {
    /** One update of every group, each at the current learning rate times its multiplier. */
    void stepGroups(List<ParameterGroup> groups);

    /** One update of {@code parameters} at the current learning rate. */
    default void step(Collection<Tensor> parameters) {
        stepGroups(List.of(ParameterGroup.of(parameters)));
    }

    /** The current base learning rate (after the schedule). */
    double learningRate();

    /** Called before each epoch with the figures of the epochs done so far; schedules act here. */
    default void startEpoch(List<Map<String, Double>> finishedEpochs) {}

    /**
     * The per-parameter state (moments, update counts) by the names in {@code parameters}, for a
     * checkpoint. The learning rate is not in it: the schedule recomputes it from the history.
     */
    default OptimizerState saveState(Map<String, Tensor> parameters) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot save its state for a checkpoint");
    }

    /**
     * Replaces the per-parameter state with {@code state}, matching its names to {@code parameters};
     * the next step then equals the step the saving optimizer would have taken.
     */
    default void loadState(OptimizerState state, Map<String, Tensor> parameters) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot load a checkpoint's optimizer state");
    }
}
