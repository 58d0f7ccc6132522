package dev.beak.nn.loss;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

/**
 * How per-sample losses become one number. Each sample's loss is first averaged over its own
 * elements (Keras' convention for element-wise losses); {@link #MEAN} then averages over the batch,
 * {@link #SUM} adds over the batch.
 */
public enum Reduction {
    MEAN, SUM;

    /** Turns a batch mean over {@code n} samples into this reduction. */
    public Tensor fromBatchMean(Tensor batchMean, int n) {
        return this == MEAN ? batchMean : Ops.mul(batchMean, Tensor.scalar(n));
    }
}
