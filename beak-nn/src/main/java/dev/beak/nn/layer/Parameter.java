package dev.beak.nn.layer;

import dev.beak.tensor.Tensor;

/** A named trainable tensor of a layer, for example {@code weight} of shape (F, C, kH, kW). */
public record Parameter(String name, Tensor value) {
    public Parameter {
        value.requiringGrad();
    }
}
