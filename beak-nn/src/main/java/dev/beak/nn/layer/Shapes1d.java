package dev.beak.nn.layer;

import dev.beak.ops.Padding;
import dev.beak.tensor.Shape;

/** Checks shared by the 1-d layers (sequences (C, L), windows along L). */
final class Shapes1d {
    private Shapes1d() {}

    /** The per-sample (C, L) input of a 1-d layer. */
    static int[] sequence(String type, int[]... inputs) {
        int[] in = Shapes.single(type, inputs);
        if (in.length != 2) throw new IllegalArgumentException(type + " expects per-sample input (C, L), got " + Shape.toString(in));
        return in;
    }

    /** Validates a 1-d window and its padding (Explicit only along L). */
    static void check1d(String type, int k, int stride, int dilation, Padding padding) {
        if (k < 1 || stride < 1 || dilation < 1) {
            throw new IllegalArgumentException(type + ": window " + k + ", stride " + stride + " and dilation " + dilation + " must be >= 1");
        }
        if (padding instanceof Padding.Explicit e && (e.top() != 0 || e.bottom() != 0)) {
            throw new IllegalArgumentException(type + ": 1-d padding is Explicit(0, 0, before, after), got " + padding);
        }
    }
}
