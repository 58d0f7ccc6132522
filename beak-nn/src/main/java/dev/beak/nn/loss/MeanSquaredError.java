package dev.beak.nn.loss;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

/** Mean squared error {@code mean((y - t)²)}; targets have the output's shape. Shapes: output (N, ...). */
public record MeanSquaredError(Reduction reduction) implements Loss {
    public MeanSquaredError() {
        this(Reduction.MEAN);
    }

    @Override
    public Tensor compute(Tensor output, Tensor labels) {
        return reduction.fromBatchMean(Ops.meanSquaredError(output, labels), output.dim(0));
    }

    @Override
    public String name() {
        return "mean_squared_error";
    }
}
