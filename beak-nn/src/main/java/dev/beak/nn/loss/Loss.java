package dev.beak.nn.loss;

import dev.beak.tensor.Tensor;

/** A training objective: a scalar tensor from a batch of model outputs and their labels. */
public interface Loss {
    Tensor compute(Tensor output, Tensor labels);

    /** Name used in model files and logs. */
    String name();
}
