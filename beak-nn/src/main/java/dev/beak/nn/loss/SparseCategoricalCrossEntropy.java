package dev.beak.nn.loss;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

/**
 * Categorical cross-entropy with class-index labels (N). With {@code fromLogits} the output is raw
 * scores (softmax and log fused, stable); without, probabilities, clipped to [1e-7, 1 - 1e-7].
 * Shapes: output (N, K); labels (N) in 0..K-1.
 */
public record SparseCategoricalCrossEntropy(boolean fromLogits, Reduction reduction) implements Loss {
    /** From logits, mean over the batch. */
    public SparseCategoricalCrossEntropy() {
        this(true, Reduction.MEAN);
    }

    @Override
    public Tensor compute(Tensor output, Tensor labels) {
        Labels.requireIndices("sparse categorical cross-entropy", output, labels);
        Tensor mean = fromLogits ? Ops.softmaxCrossEntropy(output, labels) : Ops.categoricalCrossEntropy(output, labels);
        return reduction.fromBatchMean(mean, output.dim(0));
    }

    @Override
    public String name() {
        return "sparse_categorical_cross_entropy";
    }
}
