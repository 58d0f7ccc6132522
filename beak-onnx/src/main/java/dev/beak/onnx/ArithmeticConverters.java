package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import dev.beak.ops.BroadcastOp;
import dev.beak.ops.DenseOp;
import dev.beak.ops.Ops;
import dev.beak.ops.ReduceOp;
import dev.beak.ops.UnaryOp;
import dev.beak.tensor.Tensor;

import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.beak.onnx.OnnxNode.in;
import static dev.beak.onnx.OnnxNode.one;

/** Converters for elementwise arithmetic, activations, matrix products, reductions, dropout and casts. */
final class ArithmeticConverters {
    private ArithmeticConverters() {}

    static Converter binary(BroadcastOp.Kind kind) {
        return n -> (t, in) -> one(Ops.binary(kind, in[0], in[1]));
    }

    /** Opsets 1-6: with {@code broadcast = 1}, B's axes line up with A's from {@code axis} (default: the last ones). */
    static Converter legacyBinary(BroadcastOp.Kind kind) {
        return n -> {
            boolean broadcast = n.i("broadcast", 0) == 1;
            long axis = n.i("axis", Long.MIN_VALUE);
            return (t, in) -> {
                Tensor a = in[0], b = in[1];
                if (broadcast && axis != Long.MIN_VALUE) {
                    int start = (int) (axis < 0 ? axis + a.rank() : axis), trailing = a.rank() - start - b.rank();
                    if (trailing > 0) {
                        int[] s = Arrays.copyOf(b.shape(), b.rank() + trailing);
                        Arrays.fill(s, b.rank(), s.length, 1);
                        b = Ops.reshape(b, s);
                    }
                }
                return one(Ops.binary(kind, a, b));
            };
        };
    }

    static Converter variadic(BroadcastOp.Kind kind) {
        return n -> (t, in) -> one(BroadcastOp.fold(kind, present(in)));
    }

    static OnnxKernel mean(OnnxNode n) {
        return (t, in) -> one(Ops.meanOf(present(in)));
    }

    static Converter unary(UnaryOp.Kind kind) {
        return n -> (t, in) -> one(Ops.unary(kind, in[0]));
    }

    static OnnxKernel relu(OnnxNode n) {
        return (t, in) -> one(Ops.relu(in[0]));
    }

    static OnnxKernel identity(OnnxNode n) {
        return (t, in) -> one(Ops.identity(in[0]));
    }

    static OnnxKernel clipAttributes(OnnxNode n) {
        float lo = n.f("min", Float.NEGATIVE_INFINITY), hi = n.f("max", Float.POSITIVE_INFINITY);
        return (t, in) -> one(Ops.clip(in[0], lo, hi));
    }

    static OnnxKernel clipInputs(OnnxNode n) {
        return (t, in) -> {
            Tensor lo = in(in, 1), hi = in(in, 2);
            return one(Ops.clip(in[0], lo == null ? Float.NEGATIVE_INFINITY : lo.item(), hi == null ? Float.POSITIVE_INFINITY : hi.item()));
        };
    }

    /** Opsets 1-12: the input is seen as 2-d, (prod(shape[:axis]), prod(shape[axis:])), softmax over rows. */
    static OnnxKernel softmaxCoerced(OnnxNode n) {
        long axis = n.i("axis", 1);
        return (t, in) -> {
            Tensor x = in[0];
            int a = (int) (axis < 0 ? axis + x.rank() : axis), rows = 1;
            for (int i = 0; i < a; i++) rows *= x.dim(i);
            return one(Ops.reshape(Ops.softmax(Ops.reshape(x, rows, -1)), x.shape()));
        };
    }

    /** Opset 13 on: softmax along one axis (moved last and back when it is not the last). */
    static OnnxKernel softmaxAxis(OnnxNode n) {
        long axis = n.i("axis", -1);
        return (t, in) -> {
            Tensor x = in[0];
            int r = x.rank(), a = (int) (axis < 0 ? axis + r : axis);
            if (a == r - 1) return one(Ops.softmax(x));
            int[] perm = new int[r];
            for (int i = 0; i < r; i++) perm[i] = i;
            perm[a] = r - 1;
            perm[r - 1] = a;
            return one(Ops.transpose(Ops.softmax(Ops.transpose(x, perm)), perm));
        };
    }

    /**
     * {@code alpha * A' * B' + beta * C}, A' and B' optionally transposed, C broadcast. B transposed (weights
     * stored (Out, In), the usual form) is read in place by the dense op; a C of shape (Out) or (1, Out)
     * with beta 1 is its bias.
     */
    static OnnxKernel gemm(OnnxNode n) {
        boolean ta = n.i("transA", 0) == 1, tb = n.i("transB", 0) == 1;
        float alpha = n.f("alpha", 1f), beta = n.f("beta", 1f);
        DenseOp.WeightLayout layout = tb ? DenseOp.WeightLayout.OUT_IN : DenseOp.WeightLayout.IN_OUT;
        return (t, in) -> {
            Tensor a = ta ? Ops.transpose(in[0]) : in[0], b = in[1], c = in(in, 2);
            int out = b.dim(tb ? 0 : 1);
            boolean bias = c != null && beta == 1f && alpha == 1f && c.rank() >= 1 && c.size() == out && c.dim(-1) == out;
            Tensor y = Ops.dense(a, b, bias ? (c.rank() == 1 ? c : Ops.reshape(c, out)) : null, layout);
            if (alpha != 1f) y = Ops.mul(y, Tensor.scalar(alpha));
            if (c != null && beta != 0f && !bias) y = Ops.add(y, beta == 1f ? c : Ops.mul(c, Tensor.scalar(beta)));
            return one(y);
        };
    }

    static OnnxKernel matmul(OnnxNode n) {
        return (t, in) -> one(Ops.matmul(in[0], in[1]));
    }

    /** ReduceX: axes as an attribute before {@code inputSince}, as input 1 from it on. */
    static Converter reduce(ReduceOp.Kind kind, int inputSince) {
        return n -> {
            boolean keep = n.i("keepdims", 1) == 1, noop = n.i("noop_with_empty_axes", 0) == 1;
            int[] attr = n.ints("axes", null);
            return (t, in) -> {
                int[] axes = n.opset() < inputSince ? attr : in(in, 1) == null ? null : OnnxNode.ints(in[1]);
                if ((axes == null || axes.length == 0) && noop) return one(Ops.identity(in[0]));
                return one(ReduceOp.apply(kind, in[0], axes, keep));
            };
        };
    }

    /** Dropout follows Beak's training flag; the mask output (if used) marks the kept values. */
    static OnnxKernel dropout(OnnxNode n) {
        float attrRatio = n.f("ratio", 0.5f);
        SplittableRandom rng = new SplittableRandom(n.name().hashCode());
        return (training, in) -> {
            Tensor x = in[0], r = n.opset() >= 12 ? in(in, 1) : null;
            float ratio = r != null ? r.item() : attrRatio;
            Tensor y = training && ratio > 0 ? Ops.dropout(x, ratio, rng) : Ops.identity(x);
            float[] mask = new float[x.size()];
            for (int i = 0; i < mask.length; i++) mask[i] = !training || y.data()[i] != 0 || x.data()[i] == 0 ? 1f : 0f;
            return new Tensor[] {y, Tensor.of(mask, x.shape())};
        };
    }

    /** Cast: to a float type the values pass (with their gradient); to an integer type they are truncated. */
    static OnnxKernel cast(OnnxNode n) {
        int to = (int) n.i("to", DataType.FLOAT_VALUE);
        if (to == DataType.STRING_VALUE) throw n.unsupported("cast to string is not supported");
        boolean integer = OnnxTensors.isInteger(to), bool = to == DataType.BOOL_VALUE;
        return (t, in) -> {
            if (!integer) return one(Ops.identity(in[0]));
            float[] v = in[0].data(), y = new float[v.length];
            for (int i = 0; i < v.length; i++) y[i] = bool ? (v[i] != 0 ? 1 : 0) : (float) (long) v[i];
            return one(Tensor.of(y, in[0].shape()));
        };
    }

    private static Tensor[] present(Tensor[] in) {
        return Arrays.stream(in).filter(java.util.Objects::nonNull).toArray(Tensor[]::new);
    }
}
