package dev.beak.nn.layer;

import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/** Weight initialisation. Glorot uniform (Glorot and Bengio, 2010) is Keras' default for conv and dense kernels. */
public final class Initializers {
    private Initializers() {}

    /** Uniform in ±sqrt(6 / (fanIn + fanOut)). */
    public static Tensor glorotUniform(SplittableRandom rng, int fanIn, int fanOut, int... shape) {
        float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
        return Tensor.uniform(rng, -limit, limit, shape);
    }
}
