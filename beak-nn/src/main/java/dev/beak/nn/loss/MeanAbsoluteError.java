package dev.beak.nn.loss;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

/** Mean absolute error {@code mean(|y - t|)}; targets have the output's shape. Shapes: output (N, ...). */
public record MeanAbsoluteError(Reduction reduction) implements Loss {
    public MeanAbsoluteError() {
        this(Reduction.MEAN);
    }

    @Override
    public Tensor compute(Tensor output, Tensor labels) {
        return reduction.fromBatchMean(Ops.meanAbsoluteError(output, labels), output.dim(0));
    }

    @Override
    public String name() {
        return "mean_absolute_error";
    }
}
