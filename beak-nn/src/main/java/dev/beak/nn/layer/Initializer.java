package dev.beak.nn.layer;

import dev.beak.tensor.Gaussian;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * How a parameter tensor is filled when a layer is built. Fans follow the weight's role: for a
 * convolution (F, C/groups, kH, kW), {@code fanIn = C/groups * kH * kW} and {@code fanOut = F * kH * kW};
 * for a dense (In, Out) weight, In and Out. Keras' defaults: {@link GlorotUniform} kernels, {@link Zeros} biases.
 *
 * {@snippet :
 * Layers.conv2d(96, 11).withKernelInitializer(new Initializer.Normal(0.01));   // AlexNet
 * }
 */
public sealed interface Initializer {
    Initializer GLOROT_UNIFORM = new GlorotUniform();
    Initializer ZEROS = new Zeros();

    Tensor create(SplittableRandom rng, int fanIn, int fanOut, int... shape);

    /** Uniform in ±sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio, 2010). */
    record GlorotUniform() implements Initializer {
        @Override public Tensor create(SplittableRandom rng, int fanIn, int fanOut, int... shape) {
            return uniform(rng, Math.sqrt(6.0 / (fanIn + fanOut)), shape);
        }
    }

    /** Normal with standard deviation sqrt(2 / (fanIn + fanOut)) (Glorot and Bengio, 2010; Keras truncates, this does not). */
    record GlorotNormal() implements Initializer {
        @Override public Tensor create(SplittableRandom rng, int fanIn, int fanOut, int... shape) {
            return normal(rng, Math.sqrt(2.0 / (fanIn + fanOut)), shape);
        }
    }

    /** Uniform in ±sqrt(6 / fanIn) (He et al., 2015, "Delving Deep into Rectifiers"). */
    record HeUniform() implements Initializer {
        @Override public Tensor create(SplittableRandom rng, int fanIn, int fanOut, int... shape) {
            return uniform(rng, Math.sqrt(6.0 / fanIn), shape);
        }
    }

    /** Normal with standard deviation sqrt(2 / fanIn) (He et al., 2015; PyTorch's kaiming_normal_; Keras truncates). */
    record HeNormal() implements Initializer {
        @Override public Tensor create(SplittableRandom rng, int fanIn, int fanOut, int... shape) {
            return normal(rng, Math.sqrt(2.0 / fanIn), shape);
        }
    }

    /** Zero-mean normal with a fixed standard deviation (AlexNet: 0.01). */
    record Normal(double stddev) implements Initializer {
        public Normal {
            if (!(stddev >= 0)) throw new IllegalArgumentException("Normal initializer: stddev must be >= 0, got " + stddev);
        }

        @Override public Tensor create(SplittableRandom rng, int fanIn, int fanOut, int... shape) {
            return normal(rng, stddev, shape);
        }
    }

    record Zeros() implements Initializer {
        @Override public Tensor create(SplittableRandom rng, int fanIn, int fanOut, int... shape) {
            return Tensor.zeros(shape);
        }
    }

    /** Every value the same (AlexNet: some biases 1). */
    record Constant(double value) implements Initializer {
        @Override public Tensor create(SplittableRandom rng, int fanIn, int fanOut, int... shape) {
            return Tensor.full((float) value, shape);
        }
    }

    private static Tensor uniform(SplittableRandom rng, double limit, int... shape) {
        return Tensor.uniform(rng, (float) -limit, (float) limit, shape);
    }

    private static Tensor normal(SplittableRandom rng, double std, int... shape) {
        float[] d = new float[dev.beak.tensor.Shape.size(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) (std * Gaussian.next(rng));
        return Tensor.of(d, shape);
    }
}
