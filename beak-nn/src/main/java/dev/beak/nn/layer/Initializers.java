package dev.beak.nn.layer;

import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Shortcuts to the {@link Initializer}s. Glorot uniform (Glorot and Bengio, 2010) is Keras' default
 * for conv and dense kernels, zeros for biases.
 */
public final class Initializers {
    private Initializers() {}

    /** Uniform in ±sqrt(6 / (fanIn + fanOut)). */
    public static Tensor glorotUniform(SplittableRandom rng, int fanIn, int fanOut, int... shape) {
        return Initializer.GLOROT_UNIFORM.create(rng, fanIn, fanOut, shape);
    }

    public static Initializer glorotUniform() {
        return new Initializer.GlorotUniform();
    }

    public static Initializer glorotNormal() {
        return new Initializer.GlorotNormal();
    }

    public static Initializer heUniform() {
        return new Initializer.HeUniform();
    }

    public static Initializer heNormal() {
        return new Initializer.HeNormal();
    }

    /** Zero-mean Gaussian with the given standard deviation (AlexNet: 0.01). */
    public static Initializer normal(double stddev) {
        return new Initializer.Normal(stddev);
    }

    public static Initializer zeros() {
        return new Initializer.Zeros();
    }

    public static Initializer constant(double value) {
        return new Initializer.Constant(value);
    }
}
