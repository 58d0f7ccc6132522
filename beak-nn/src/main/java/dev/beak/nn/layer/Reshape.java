package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;

import java.util.SplittableRandom;

/**
 * Gives each sample a new shape with the same number of values, read in row-major order (a view, no
 * copy). Shapes: input (N, d1, ...); output (N, shape...) with one entry of {@code shape} allowed to be
 * -1 (worked out from the others).
 */
public record Reshape(int[] shape) implements LayerSpec {
    public Reshape {
        shape = shape.clone();
        int unknown = 0;
        for (int d : shape) {
            if (d == -1) unknown++;
            else if (d < 1) throw new IllegalArgumentException("Reshape sizes must be >= 1 or one -1, got " + Shape.toString(shape));
        }
        if (unknown > 1) throw new IllegalArgumentException("Reshape allows one -1, got " + Shape.toString(shape));
    }

    @Override public int[] shape() { return shape.clone(); }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reshape o && java.util.Arrays.equals(shape, o.shape);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Reshape[" + java.util.Arrays.toString(shape) + "]";
    }

    @Override public String baseName() { return "reshape"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        int size = Shape.size(in), known = 1, free = -1;
        int[] out = shape.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) free = i;
            else known *= out[i];
        }
        if (free >= 0) out[free] = size % known == 0 ? size / known : -1;
        if ((free >= 0 ? out[free] < 1 : known != size)) {
            throw new IllegalArgumentException("Reshape: input " + Shape.toString(in) + " has " + size + " values, cannot become " + Shape.toString(shape));
        }
        return out;
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int[] out = Shape.prepend(-1, outputShape(inputs));
        return (Layer.Stateless) (training, x) -> Ops.reshape(x[0], out);
    }
}
