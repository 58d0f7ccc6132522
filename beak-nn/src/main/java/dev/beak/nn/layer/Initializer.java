package dev.beak.nn.layer;

import dev.beak.tensor.Gaussian;
import dev.beak.tensor.Tensor;

import java.util.Map;
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

    /** The model-file form: {@code {"name": "he_normal"}}, {@code {"name": "normal", "stddev": 0.01}}, ... */
    default Map<String, Object> toConfig() {
        return switch (this) {
            case GlorotUniform i -> Map.of("name", "glorot_uniform");
            case GlorotNormal i -> Map.of("name", "glorot_normal");
            case HeUniform i -> Map.of("name", "he_uniform");
            case HeNormal i -> Map.of("name", "he_normal");
            case Normal n -> Map.of("name", "normal", "stddev", n.stddev());
            case Zeros z -> Map.of("name", "zeros");
            case Constant c -> Map.of("name", "constant", "value", c.value());
        };
    }

    /** Reads {@link #toConfig()}'s form; null (an older model file) gives {@code absent}. */
    static Initializer fromConfig(Object config, Initializer absent) {
        if (config == null) return absent;
        if (!(config instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
            throw new IllegalArgumentException("an initializer must be {\"name\": ...}, got " + config);
        }
        return switch (name) {
            case "glorot_uniform" -> new GlorotUniform();
            case "glorot_normal" -> new GlorotNormal();
            case "he_uniform" -> new HeUniform();
            case "he_normal" -> new HeNormal();
            case "normal" -> new Normal(((Number) m.get("stddev")).doubleValue());
            case "zeros" -> new Zeros();
            case "constant" -> new Constant(((Number) m.get("value")).doubleValue());
            default -> throw new IllegalArgumentException("unknown initializer \"" + name
                    + "\" (known: glorot_uniform, glorot_normal, he_uniform, he_normal, normal, zeros, constant)");
        };
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
