package dev.beak.ops;

import dev.beak.tensor.Tensor;

import java.util.Arrays;

/**
 * Slicing with steps along chosen axes (numpy's {@code x[start:end:step]}, ONNX Slice), and
 * splitting into consecutive parts along one axis (ONNX Split).
 *
 * <p>Shapes: x (d0, ..., d(r-1)); on each sliced axis the output has
 * {@code ceil((end - start) / step)} entries (0 if negative) after the bounds are normalised: a
 * negative start or end counts from the end of the axis, then both are clamped to {@code [0, d]} for a
 * positive step and to {@code [-1, d-1]} (start to {@code [0, d-1]}) for a negative one. Bounds may
 * be any long (ONNX uses {@code Long.MAX_VALUE} for "to the end").
 */
public final class SliceOp {
    private SliceOp() {}

    public static Tensor apply(Tensor x, long[] starts, long[] ends, int[] axes, long[] steps) {
        int r = x.rank(), n = starts.length;
        if (ends.length != n || (axes != null && axes.length != n) || (steps != null && steps.length != n)) {
            throw new IllegalArgumentException("slice: starts, ends, axes and steps must have the same length, got "
                    + Arrays.toString(starts) + ", " + Arrays.toString(ends) + ", " + Arrays.toString(axes) + ", " + Arrays.toString(steps));
        }
        int[] in = x.shape(), out = x.shape(), first = new int[r], step = new int[r];
        Arrays.fill(step, 1);
        boolean[] seen = new boolean[r];
        for (int i = 0; i < n; i++) {
            int a = IndexCopyOp.axis("slice", axes == null ? i : axes[i], r);
            if (seen[a]) throw new IllegalArgumentException("slice: axis " + a + " is given twice");
            seen[a] = true;
            long s = steps == null ? 1 : steps[i], d = in[a];
            if (s == 0) throw new IllegalArgumentException("slice: step must not be 0");
            long b = starts[i] < 0 ? starts[i] + d : starts[i], e = ends[i] < 0 ? ends[i] + d : ends[i];
            if (s > 0) {
                b = clamp(b, 0, d);
                e = clamp(e, 0, d);
            } else {
                b = clamp(b, 0, d - 1);
                e = clamp(e, -1, d - 1);
            }
            long count = s > 0 ? (e - b + s - 1) / s : (b - e + (-s) - 1) / (-s);
            out[a] = (int) Math.max(0, count);
            first[a] = (int) b;
            step[a] = (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, s));
        }
        int[] strides = IndexCopyOp.strides(in);
        int[] src = IndexCopyOp.build(out, c -> {
            int at = 0;
            for (int a = 0; a < r; a++) at += (first[a] + c[a] * step[a]) * strides[a];
            return at;
        });
        return IndexCopyOp.apply("Slice", x, out, src, 0f);
    }

    /** Consecutive parts of {@code sizes[i]} entries along {@code axis}; the sizes must add up to the axis. */
    public static Tensor[] split(Tensor x, int axis, int... sizes) {
        int a = IndexCopyOp.axis("split", axis, x.rank());
        long total = 0;
        for (int s : sizes) {
            if (s < 0) throw new IllegalArgumentException("split: negative part size in " + Arrays.toString(sizes));
            total += s;
        }
        if (total != x.dim(a)) {
            throw new IllegalArgumentException("split: parts " + Arrays.toString(sizes) + " add up to " + total
                    + ", axis " + a + " has " + x.dim(a));
        }
        Tensor[] parts = new Tensor[sizes.length];
        long from = 0;
        for (int i = 0; i < sizes.length; i++) {
            parts[i] = apply(x, new long[] {from}, new long[] {from + sizes[i]}, new int[] {a}, null);
            from += sizes[i];
        }
        return parts;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
