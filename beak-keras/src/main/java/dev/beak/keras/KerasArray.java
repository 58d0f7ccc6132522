package dev.beak.keras;

import dev.beak.tensor.Shape;

/** A weight array as Keras stores it: row-major values of {@code shape} (channels-last kernels). */
record KerasArray(String name, int[] shape, float[] data) {
    KerasArray {
        if (Shape.size(shape) != data.length) {
            throw new IllegalArgumentException("weight " + name + ": shape " + Shape.toString(shape) + " but " + data.length + " values");
        }
    }

    int rank() {
        return shape.length;
    }

    /** The array with its axes reordered: output axis {@code i} is axis {@code perm[i]} of this one. */
    KerasArray transposed(int... perm) {
        int[] out = new int[perm.length], stride = new int[shape.length];
        for (int i = shape.length - 1, s = 1; i >= 0; s *= shape[i], i--) stride[i] = s;
        for (int i = 0; i < perm.length; i++) out[i] = shape[perm[i]];
        float[] y = new float[data.length];
        int[] idx = new int[out.length];
        for (int o = 0; o < y.length; o++) {
            int src = 0;
            for (int i = 0; i < out.length; i++) src += idx[i] * stride[perm[i]];
            y[o] = data[src];
            for (int i = out.length - 1; i >= 0 && ++idx[i] == out[i]; i--) idx[i] = 0;
        }
        return new KerasArray(name, out, y);
    }

    KerasArray reshaped(int... newShape) {
        return new KerasArray(name, newShape, data);
    }
}
