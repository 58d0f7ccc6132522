package dev.beak.nn.loss;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

/**
 * Categorical cross-entropy with one-hot (or soft) target rows (N, K). With {@code fromLogits} the
 * output is raw scores and softmax and log are fused (stable); without, the output is
 * probabilities (a softmax layer), clipped to [1e-7, 1 - 1e-7]. Shapes: output (N, K).
 */
public record CategoricalCrossEntropy(boolean fromLogits, Reduction reduction) implements Loss {
    /** From logits, mean over the batch. */
    public CategoricalCrossEntropy() {
        this(true, Reduction.MEAN);
    }

    @Override
    public Tensor compute(Tensor output, Tensor labels) {
        Labels.requireOneHot("categorical cross-entropy", output, labels);
        Tensor mean = fromLogits ? Ops.softmaxCrossEntropy(output, labels) : Ops.categoricalCrossEntropy(output, labels);
        return reduction.fromBatchMean(mean, output.dim(0));
    }

    @Override
    public String name() {
        return "categorical_cross_entropy";
    }
}
