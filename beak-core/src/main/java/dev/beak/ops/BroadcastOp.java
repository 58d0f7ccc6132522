package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

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
        float[] x = a.data(), y = b.data(), z = Workspace.floats(Shape.size(out));
        Runs.of(a.shape(), b.shape(), out).forEach((za, xa, xs, ya, ys, n) -> run(kind, x, xa, xs, y, ya, ys, z, za, n));
        String name = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return Autograd.record(Tensor.of(z, out), name, dz -> {
            // Index maps only for broadcast inputs: a same-shape input is read at the output position.
            int[] ia = java.util.Arrays.equals(a.shape(), out) ? null : sourceIndex(a.shape(), out);
            int[] ib = java.util.Arrays.equals(b.shape(), out) ? null : sourceIndex(b.shape(), out);
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

    /** One value of {@code kind}. */
    private static float op(Kind kind, float u, float v) {
        return switch (kind) {
            case ADD -> u + v;
            case SUB -> u - v;
            case MUL -> u * v;
            case DIV -> u / v;
            case MIN -> Float.isNaN(u) || Float.isNaN(v) ? Float.NaN : Math.min(u, v);
            case MAX -> Float.isNaN(u) || Float.isNaN(v) ? Float.NaN : Math.max(u, v);
            case POW -> (float) Math.pow(u, v);
        };
    }

    /**
     * {@code z[zo + i] = x[xo + i * xs] op y[yo + i * ys]} for i < n, steps 0 or 1: the four arithmetic
     * kinds with the kind and the steps decided outside the loop (so the JIT vectorises it), the
     * others value by value.
     */
    private static void run(Kind kind, float[] x, int xo, int xs, float[] y, int yo, int ys, float[] z, int zo, int n) {
        if (xs == 1 && (kind == Kind.ADD || kind == Kind.MUL || kind == Kind.SUB || kind == Kind.DIV)) {
            if (ys == 1) {
                switch (kind) {
                    case ADD -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] + y[yo + i]; }
                    case MUL -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] * y[yo + i]; }
                    case SUB -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] - y[yo + i]; }
                    default -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] / y[yo + i]; }
                }
            } else {
                float v = y[yo];
                switch (kind) {
                    case ADD -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] + v; }
                    case MUL -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] * v; }
                    case SUB -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] - v; }
                    default -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] / v; }
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) z[zo + i] = op(kind, x[xo + i * xs], y[yo + i * ys]);
    }

    /**
     * The output of a broadcast binary op walked as runs along its innermost axes: axes of size 1 are
     * dropped and neighbouring axes merged where both inputs continue contiguously (or both repeat),
     * so a per-channel (1, C, 1, 1) operand against (N, C, H, W) gives N*C runs of H*W with that
     * operand constant in each, and equal shapes give one run.
     */
    record Runs(int[] size, int[] strideA, int[] strideB) {
        /** A run: output offset, each input's offset and step (0 or 1), length. */
        interface Visitor {
            void run(int z, int a, int aStep, int b, int bStep, int n);
        }

        static Runs of(int[] a, int[] b, int[] out) {
            int r = out.length;
            int[] sa = aligned(a, r), sb = aligned(b, r);
            int[] size = new int[r], ga = new int[r], gb = new int[r];
            int dims = 0;
            for (int i = r - 1; i >= 0; i--) {
                if (out[i] == 1) continue;
                int last = dims - 1;
                if (dims > 0 && sa[i] == ga[last] * size[last] && sb[i] == gb[last] * size[last]) {
                    size[last] *= out[i];
                } else {
                    size[dims] = out[i];
                    ga[dims] = sa[i];
                    gb[dims] = sb[i];
                    dims++;
                }
            }
            if (dims == 0) return new Runs(new int[] {1}, new int[] {1}, new int[] {1});
            return new Runs(java.util.Arrays.copyOf(size, dims), java.util.Arrays.copyOf(ga, dims), java.util.Arrays.copyOf(gb, dims));
        }

        /** Row-major strides of {@code in} right-aligned to rank r, 0 on axes it is broadcast along. */
        private static int[] aligned(int[] in, int r) {
            int off = r - in.length;
            int[] inStrides = IndexCopyOp.strides(in), s = new int[r];
            for (int i = off; i < r; i++) s[i] = in[i - off] == 1 ? 0 : inStrides[i - off];
            return s;
        }

        /** Calls {@code v} for every run, in output order. */
        void forEach(Visitor v) {
            int n = size[0], outer = 1, dims = size.length;
            for (int d = 1; d < dims; d++) outer *= size[d];
            int[] counter = new int[dims];
            int a = 0, b = 0;
            for (int run = 0; run < outer; run++) {
                v.run(run * n, a, Math.min(strideA[0], 1), b, Math.min(strideB[0], 1), n);
                // Advance the counter over the outer dimensions (innermost first).
                for (int d = 1; d < dims; d++) {
                    a += strideA[d];
                    b += strideB[d];
                    if (++counter[d] < size[d]) break;
                    a -= strideA[d] * size[d];
                    b -= strideB[d] * size[d];
                    counter[d] = 0;
                }
            }
        }
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
