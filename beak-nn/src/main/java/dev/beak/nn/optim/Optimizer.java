package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

import java.util.Collection;

/** Updates parameters from their accumulated gradients. Parameters without a gradient are skipped. */
public interface Optimizer {
    void step(Collection<Tensor> parameters);

    double learningRate();

    /** Changes the learning rate from the next step on (schedules call this between epochs). */
    void setLearningRate(double lr);
}
