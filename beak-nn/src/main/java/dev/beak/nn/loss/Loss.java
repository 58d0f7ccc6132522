package dev.beak.nn.loss;

import dev.beak.nn.metric.Accuracy;
import dev.beak.tensor.Tensor;

/** A training objective: a scalar tensor from a batch of model outputs and their labels. */
public interface Loss {
    Tensor compute(Tensor output, Tensor labels);

    /** Name used in model files and logs. */
    String name();

    /**
     * How many samples of the batch the output gets right, for the {@code accuracy} figure: by default
     * the arg-max of each row against the label (class index or one-hot row). Losses of other tasks
     * override it (binary cross-entropy thresholds each output).
     */
    default int correct(Tensor output, Tensor labels) {
        return Accuracy.correct(output, labels);
    }
}
