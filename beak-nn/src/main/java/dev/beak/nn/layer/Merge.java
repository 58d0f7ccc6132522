package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Joins inputs of one shape element by element (Keras' Subtract, Multiply, Average, Maximum and
 * Minimum; {@link Add} sums). Subtract takes exactly two inputs, the others two or more. Shapes:
 * inputs (N, ...) all alike; output the same.
 */
public record Merge(Kind kind) implements LayerSpec {
    /** How the inputs are combined. */
    public enum Kind { SUBTRACT, MULTIPLY, AVERAGE, MAXIMUM, MINIMUM }

    @Override public String type() {
        String n = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    @Override public String baseName() { return kind.name().toLowerCase(Locale.ROOT); }

    @Override
    public int[] outputShape(int[]... inputs) {
        if (inputs.length < 2 || (kind == Kind.SUBTRACT && inputs.length != 2)) {
            throw new IllegalArgumentException(type() + " takes " + (kind == Kind.SUBTRACT ? "exactly two" : "two or more") + " inputs, got " + inputs.length);
        }
        for (int i = 1; i < inputs.length; i++) {
            if (!Arrays.equals(inputs[i], inputs[0])) {
                throw new IllegalArgumentException(type() + ": input " + i + " is " + Shape.toString(inputs[i]) + " but input 0 is " + Shape.toString(inputs[0]));
            }
        }
        return inputs[0].clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> combine(x);
    }

    private Tensor combine(Tensor[] x) {
        return switch (kind) {
            case SUBTRACT -> Ops.sub(x[0], x[1]);
            case MULTIPLY -> {
                Tensor p = x[0];
                for (int i = 1; i < x.length; i++) p = Ops.mul(p, x[i]);
                yield p;
            }
            case AVERAGE -> Ops.meanOf(x);
            case MAXIMUM -> Ops.maxOf(x);
            case MINIMUM -> Ops.minOf(x);
        };
    }
}
