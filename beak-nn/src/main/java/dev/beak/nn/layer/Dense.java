package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fully connected layer, optionally followed by an activation.
 *
 * <p>Shapes: input (N, In); weight (In, Out); bias (Out); output (N, Out). In is inferred.
 */
public record Dense(int units, Activation activation, boolean useBias) implements LayerSpec {
    public Dense {
        if (units < 1) throw new IllegalArgumentException("Dense units must be >= 1, got " + units);
    }

    public Dense withActivation(Activation a) {
        return new Dense(units, a, useBias);
    }

    @Override public String type() { return "Dense"; }

    @Override public String baseName() { return "dense"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        Shapes.vector(type(), inputs);
        return new int[] {units};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int in = Shapes.vector(type(), inputs)[0];
        Tensor w = Initializers.glorotUniform(rng, in, units, in, units);
        Tensor b = useBias ? Tensor.zeros(units) : null;
        List<Parameter> params = new ArrayList<>(List.of(new Parameter("weight", w)));
        if (b != null) params.add(new Parameter("bias", b));
        return new Layer() {
            @Override
            public Tensor forward(boolean training, Tensor... x) {
                return activation.apply(Ops.dense(x[0], w, b));
            }

            @Override
            public List<Parameter> parameters() {
                return params;
            }
        };
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("units", units, "activation", activation.configName(), "use_bias", useBias);
    }

    static Dense fromConfig(Map<String, Object> c) {
        return new Dense(LayerConfigs.toInt(c.get("units")), Activation.fromConfigName((String) c.getOrDefault("activation", "linear")),
                (Boolean) c.getOrDefault("use_bias", true));
    }
}
