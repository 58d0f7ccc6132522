package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Fully connected layer, optionally followed by an activation.
 *
 * <p>Shapes: input (N, In); weight (In, Out); bias (Out); output (N, Out). In is inferred. Kernel
 * initializer default glorot uniform, bias zeros (Keras').
 */
public record Dense(int units, Activation activation, boolean useBias, Initializer kernelInitializer,
                    Initializer biasInitializer) implements LayerSpec {
    public Dense {
        if (units < 1) throw new IllegalArgumentException("Dense units must be >= 1, got " + units);
    }

    public Dense(int units, Activation activation, boolean useBias) {
        this(units, activation, useBias, Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
    }

    public Dense withActivation(Activation a) {
        return new Dense(units, a, useBias, kernelInitializer, biasInitializer);
    }

    public Dense withBias(boolean b) {
        return new Dense(units, activation, b, kernelInitializer, biasInitializer);
    }

    public Dense withKernelInitializer(Initializer i) {
        return new Dense(units, activation, useBias, i, biasInitializer);
    }

    public Dense withBiasInitializer(Initializer i) {
        return new Dense(units, activation, useBias, kernelInitializer, i);
    }

    @Override public String baseName() { return "dense"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        Shapes.vector(type(), inputs);
        return new int[] {units};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int in = Shapes.vector(type(), inputs)[0];
        Tensor w = kernelInitializer.create(rng, in, units, in, units);
        Tensor b = useBias ? biasInitializer.create(rng, in, units, units) : null;
        return new WeightedLayer(w, b, x -> activation.apply(Ops.dense(x, w, b)));
    }
}
