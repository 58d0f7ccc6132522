package dev.beak.ops;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;

/**
 * Pads a tensor on every axis (ONNX Pad, numpy's {@code pad}); a negative pad crops.
 *
 * <p>Shapes: x (d0, ..., d(r-1)); y has {@code before[i] + d_i + after[i]} entries on axis i. Modes:
 * {@link Mode#CONSTANT} fills with {@code value}; {@link Mode#REFLECT} mirrors without repeating the
 * edge ({@code 3 2 | 1 2 3 | 2 1}); {@link Mode#EDGE} repeats the edge value; {@link Mode#WRAP}
 * continues periodically. Backward: each output gradient goes to the input value it copied.
 */
public final class PadOp {
    private PadOp() {}

    /** How values outside the input are made. */
    public enum Mode { CONSTANT, REFLECT, EDGE, WRAP }

    public static Tensor apply(Tensor x, int[] before, int[] after, Mode mode, float value) {
        int r = x.rank();
        if (before.length != r || after.length != r) {
            throw new IllegalArgumentException("pad: " + r + " pads before and after needed for shape " + Shape.toString(x.shape())
                    + ", got " + Arrays.toString(before) + " and " + Arrays.toString(after));
        }
        int[] in = x.shape(), out = new int[r], strides = IndexCopyOp.strides(in);
        for (int i = 0; i < r; i++) {
            out[i] = in[i] + before[i] + after[i];
            if (out[i] < 0) throw new IllegalArgumentException("pad: axis " + i + " of size " + in[i] + " cannot be cropped by "
                    + (-before[i] - after[i]));
            if (mode != Mode.CONSTANT && in[i] == 0 && out[i] > 0) {
                throw new IllegalArgumentException("pad: " + mode + " padding of an empty axis " + i);
            }
        }
        int[] src = IndexCopyOp.build(out, c -> {
            int at = 0;
            for (int a = 0; a < r; a++) {
                int p = source(c[a] - before[a], in[a], mode);
                if (p < 0) return -1;
                at += p * strides[a];
            }
            return at;
        });
        return IndexCopyOp.apply("Pad", x, out, src, value);
    }

    /** The input coordinate that coordinate {@code i} (possibly outside {@code [0, d)}) copies, or -1. */
    static int source(int i, int d, Mode mode) {
        if (i >= 0 && i < d) return i;
        return switch (mode) {
            case CONSTANT -> -1;
            case EDGE -> i < 0 ? 0 : d - 1;
            case WRAP -> Math.floorMod(i, d);
            case REFLECT -> {
                if (d == 1) yield 0;
                int period = 2 * (d - 1), m = Math.floorMod(i, period);
                yield m < d ? m : period - m;
            }
        };
    }
}
