package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Elementwise binary ops with numpy broadcasting (ONNX Add, Sub, Mul, Div, Min, Max, Pow), and their
 * variadic forms (ONNX Sum, Mean, Max, Min).
 *
 * <p>Shapes: the shapes are aligned at the right; on each axis the sizes must be equal or one of them
 * 1, and the output takes the larger: (3, 1, 5) and (4, 1) give (3, 4, 5). Backward: each input's
 * gradient is summed over the axes it was broadcast along, so it has the input's shape. Min and Max
 * send the gradient to the chosen input (the first on ties); Pow's exponent gets
 * {@code a^b * ln(a)} (0 where a <= 0).
 */
public final class BroadcastOp {
    private BroadcastOp() {}

    /** The binary operations. */
    public enum Kind { ADD, SUB, MUL, DIV, MIN, MAX, POW }

    public static Tensor apply(Kind kind, Tensor a, Tensor b) {
        int[] out = shape(kind.name().toLowerCase(java.util.Locale.ROOT), a.shape(), b.shape());
        // Index maps only for broadcast inputs: a same-shape input is read at the output position.
        int[] ia = java.util.Arrays.equals(a.shape(), out) ? null : sourceIndex(a.shape(), out);
        int[] ib = java.util.Arrays.equals(b.shape(), out) ? null : sourceIndex(b.shape(), out);
        float[] x = a.data(), y = b.data(), z = new float[Shape.size(out)];
        for (int i = 0; i < z.length; i++) {
            float u = x[ia == null ? i : ia[i]], v = y[ib == null ? i : ib[i]];
            z[i] = switch (kind) {
                case ADD -> u + v;
                case SUB -> u - v;
                case MUL -> u * v;
                case DIV -> u / v;
                case MIN -> Float.isNaN(u) || Float.isNaN(v) ? Float.NaN : Math.min(u, v);
                case MAX -> Float.isNaN(u) || Float.isNaN(v) ? Float.NaN : Math.max(u, v);
                case POW -> (float) Math.pow(u, v);
            };
        }
        String name = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return Autograd.record(Tensor.of(z, out), name, dz -> {
            float[] da = a.requiresGrad() ? a.gradBuffer() : null, db = b.requiresGrad() ? b.gradBuffer() : null;
            for (int i = 0; i < dz.length; i++) {
                int at = ia == null ? i : ia[i], bt = ib == null ? i : ib[i];
                float g = dz[i], u = x[at], v = y[bt];
                float ga, gb;
                switch (kind) {
                    case ADD -> { ga = g; gb = g; }
                    case SUB -> { ga = g; gb = -g; }
                    case MUL -> { ga = g * v; gb = g * u; }
                    case DIV -> { ga = g / v; gb = -g * u / (v * v); }
                    case MIN -> { boolean first = u <= v; ga = first ? g : 0; gb = first ? 0 : g; }
                    case MAX -> { boolean first = u >= v; ga = first ? g : 0; gb = first ? 0 : g; }
                    default -> {
                        ga = (float) (g * v * Math.pow(u, v - 1));
                        gb = u > 0 ? (float) (g * z[i] * Math.log(u)) : 0f;
                    }
                }
                if (da != null) da[at] += ga;
                if (db != null) db[bt] += gb;
            }
        }, a, b);
    }

    /** Folds {@code kind} over two or more tensors, left to right. */
    public static Tensor fold(Kind kind, Tensor... xs) {
        if (xs.length == 0) throw new IllegalArgumentException(kind + ": needs at least one input");
        Tensor acc = xs[0];
        for (int i = 1; i < xs.length; i++) acc = apply(kind, acc, xs[i]);
        return acc;
    }

    /** The mean of one or more tensors, broadcast together. */
    public static Tensor mean(Tensor... xs) {
        Tensor sum = fold(Kind.ADD, xs);
        return apply(Kind.MUL, sum, Tensor.scalar(1f / xs.length));
    }

    /** The broadcast shape of two shapes, or an error naming both. */
    public static int[] shape(String op, int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)], db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Shape.toString(a) + " and " + Shape.toString(b)
                        + " do not broadcast (axis " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** For every output position, the position in an input of shape {@code in} broadcast to {@code out}. */
    static int[] sourceIndex(int[] in, int[] out) {
        int r = out.length, off = r - in.length;
        int[] inStrides = IndexCopyOp.strides(in), stride = new int[r];
        for (int i = off; i < r; i++) stride[i] = in[i - off] == 1 ? 0 : inStrides[i - off];
        return IndexCopyOp.build(out, c -> {
            int s = 0;
            for (int i = off; i < r; i++) s += c[i] * stride[i];
            return s;
        });
    }

    /** {@code x} broadcast to {@code shape} (ONNX Expand); the gradient is summed back. */
    public static Tensor expand(Tensor x, int... shape) {
        int[] out = shape("expand", x.shape(), shape);
        return IndexCopyOp.apply("Expand", x, out, sourceIndex(x.shape(), out), 0f);
    }
}
