package dev.beak.nn.loss;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

/**
 * Multi-class hinge loss, Crammer and Singer (2001): {@code max(0, 1 + max_{j≠y} z_j - z_y)} per
 * sample, for raw scores (no softmax). Labels: class indices (N) or one-hot rows (N, K).
 * Shapes: output (N, K).
 */
public record CategoricalHinge(Reduction reduction) implements Loss {
    public CategoricalHinge() {
        this(Reduction.MEAN);
    }

    @Override
    public Tensor compute(Tensor output, Tensor labels) {
        return reduction.fromBatchMean(Ops.categoricalHinge(output, labels), output.dim(0));
    }

    @Override
    public String name() {
        return "categorical_hinge";
    }
}
