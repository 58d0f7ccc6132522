package dev.beak.nn.layer;

import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A built single-input layer with a "weight" and an optional "bias" parameter (convolutions, dense). */
final class WeightedLayer implements Layer {
    private final UnaryOperator<Tensor> forward;
    private final List<Parameter> params = new ArrayList<>();

    WeightedLayer(Tensor weight, Tensor bias, UnaryOperator<Tensor> forward) {
        this.forward = forward;
        params.add(new Parameter("weight", weight));
        if (bias != null) params.add(new Parameter("bias", bias));
    }

    @Override
    public Tensor forward(boolean training, Tensor... inputs) {
        return forward.apply(inputs[0]);
    }

    @Override
    public List<Parameter> parameters() {
        return params;
    }
}
