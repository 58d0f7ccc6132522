package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

import java.util.Collection;
import java.util.List;

/**
 * Parameters that share a learning-rate multiplier (PyTorch's parameter groups): the optimizer uses
 * {@code learningRate * learningRateMultiplier} for them. A model gives its groups from its per-layer
 * multipliers; frozen layers are left out.
 */
public record ParameterGroup(List<Tensor> parameters, double learningRateMultiplier) {
    public ParameterGroup {
        parameters = List.copyOf(parameters);
        if (!(learningRateMultiplier >= 0 && Double.isFinite(learningRateMultiplier))) {
            throw new IllegalArgumentException("learning-rate multiplier must be finite and >= 0, got " + learningRateMultiplier);
        }
    }

    /** All of {@code parameters} at the optimizer's own learning rate. */
    public static ParameterGroup of(Collection<Tensor> parameters) {
        return new ParameterGroup(List.copyOf(parameters), 1.0);
    }
}
