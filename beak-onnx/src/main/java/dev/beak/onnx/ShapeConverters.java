package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import dev.beak.ops.DepthToSpaceOp;
import dev.beak.ops.Ops;
import dev.beak.ops.PadOp;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Locale;

import static dev.beak.onnx.OnnxNode.in;
import static dev.beak.onnx.OnnxNode.ints;
import static dev.beak.onnx.OnnxNode.longs;
import static dev.beak.onnx.OnnxNode.one;

/**
 * Converters for shapes and data movement. Integer tensors (shapes, axes, indices) are float tensors
 * at run time; these converters read them with {@link OnnxNode#ints(Tensor)}.
 */
final class ShapeConverters {
    private ShapeConverters() {}

    /** Reshape: target from the {@code shape} attribute (opsets 1-4) or input 1; 0 copies the input dim unless allowzero. */
    static OnnxKernel reshape(OnnxNode n) {
        int[] attr = n.ints("shape", null);
        boolean allowZero = n.i("allowzero", 0) == 1;
        return (t, in) -> {
            int[] target = n.opset() < 5 ? attr : ints(in[1]);
            int[] s = target.clone();
            for (int i = 0; i < s.length; i++) if (s[i] == 0 && !allowZero) s[i] = in[0].dim(i);
            return one(Ops.reshape(in[0], s));
        };
    }

    static OnnxKernel flatten(OnnxNode n) {
        long axis = n.i("axis", 1);
        return (t, in) -> {
            Tensor x = in[0];
            int a = (int) (axis < 0 ? axis + x.rank() : axis), rows = 1;
            for (int i = 0; i < a; i++) rows *= x.dim(i);
            return one(Ops.reshape(x, rows, rows == 0 ? 0 : x.size() / rows));
        };
    }

    static OnnxKernel shape(OnnxNode n) {
        long start = n.i("start", 0), end = n.i("end", Long.MAX_VALUE);
        return (t, in) -> {
            int r = in[0].rank();
            int from = clamp(start < 0 ? start + r : start, r), to = clamp(end < 0 ? end + r : end, r);
            int[] s = in[0].shape();
            float[] v = new float[Math.max(0, to - from)];
            for (int i = 0; i < v.length; i++) v[i] = s[from + i];
            return one(Tensor.of(v, v.length));
        };
    }

    static OnnxKernel transpose(OnnxNode n) {
        int[] perm = n.ints("perm", new int[0]);
        return (t, in) -> one(Ops.transpose(in[0], perm));
    }

    static OnnxKernel sliceAttributes(OnnxNode n) {
        long[] starts = n.longs("starts", null), ends = n.longs("ends", null);
        int[] axes = n.ints("axes", null);
        if (starts == null || ends == null) throw n.invalid("Slice needs starts and ends");
        return (t, in) -> one(Ops.slice(in[0], starts, ends, axes, null));
    }

    static OnnxKernel sliceInputs(OnnxNode n) {
        return (t, in) -> {
            Tensor axes = in(in, 3), steps = in(in, 4);
            return one(Ops.slice(in[0], longs(in[1]), longs(in[2]), axes == null ? null : ints(axes), steps == null ? null : longs(steps)));
        };
    }

    /** Split: sizes from the attribute (before 13) or input 1; else equal parts (ceil-sized from opset 18 with num_outputs). */
    static OnnxKernel split(OnnxNode n) {
        long axis = n.i("axis", 0);
        int[] attr = n.ints("split", null);
        int parts = (int) n.i("num_outputs", n.outputCount());
        return (t, in) -> {
            Tensor x = in[0];
            int a = (int) (axis < 0 ? axis + x.rank() : axis);
            int[] sizes = n.opset() < 13 && attr != null ? attr : in(in, 1) != null ? ints(in[1]) : null;
            if (sizes == null) {
                int d = x.dim(a), chunk = (d + parts - 1) / parts;
                if (n.opset() < 18 && d % parts != 0) throw new IllegalArgumentException("Split: " + d + " is not divisible into " + parts + " parts");
                sizes = new int[parts];
                for (int i = 0; i < parts; i++) sizes[i] = Math.max(0, Math.min(chunk, d - i * chunk));
            }
            return Ops.split(x, a, sizes);
        };
    }

    static OnnxKernel squeeze(OnnxNode n) {
        int[] attr = n.ints("axes", new int[0]);
        return (t, in) -> one(Ops.squeeze(in[0], n.opset() < 13 ? attr : in(in, 1) == null ? new int[0] : ints(in[1])));
    }

    static OnnxKernel unsqueeze(OnnxNode n) {
        int[] attr = n.ints("axes", null);
        return (t, in) -> one(Ops.unsqueeze(in[0], n.opset() < 13 ? attr : ints(in[1])));
    }

    static OnnxKernel gather(OnnxNode n) {
        long axis = n.i("axis", 0);
        return (t, in) -> one(Ops.gather(in[0], in[1], (int) axis));
    }

    /** Concat of integer (shape) tensors, computed here without gradient; float data needs Beak's Concat op. */
    /** Concat: float data on {@link Ops#concat} (with gradients); integer (shape) tensors copied directly. */
    static OnnxKernel concat(OnnxNode n) {
        boolean floats = false;
        for (int k = 0; k < n.inputCount(); k++) floats |= n.hasInput(k) && !OnnxTensors.isInteger(n.inputType(k));
        long axis = n.i("axis", 0);
        if (floats) return (t, in) -> one(Ops.concat((int) axis, java.util.Arrays.stream(in).filter(java.util.Objects::nonNull).toArray(Tensor[]::new)));
        return (t, in) -> {
            Tensor first = in[0];
            int r = first.rank(), a = (int) (axis < 0 ? axis + r : axis), outer = 1, total = 0;
            for (int i = 0; i < a; i++) outer *= first.dim(i);
            for (Tensor x : in) total += x.dim(a);
            int[] shape = first.shape();
            shape[a] = total;
            float[] y = new float[Shape.size(shape)];
            int inner = outer == 0 ? 0 : (total == 0 ? 0 : y.length / outer / total), at = 0;
            for (int o = 0; o < outer; o++) {
                for (Tensor x : in) {
                    int len = x.dim(a) * inner;
                    System.arraycopy(x.data(), o * len, y, at, len);
                    at += len;
                }
            }
            return one(Tensor.of(y, shape));
        };
    }

    static OnnxKernel expand(OnnxNode n) {
        return (t, in) -> one(Ops.expand(in[0], ints(in[1])));
    }

    static OnnxKernel constant(OnnxNode n) {
        Tensor value;
        if (n.has("value")) value = OnnxTensors.toTensor(n.attribute("value").getT());
        else if (n.has("value_float")) value = Tensor.scalar(n.f("value_float", 0));
        else if (n.has("value_int")) value = Tensor.scalar(n.i("value_int", 0));
        else if (n.has("value_floats")) value = vector(n.attribute("value_floats").getFloatsList().stream().mapToDouble(Float::doubleValue).toArray());
        else if (n.has("value_ints")) value = vector(n.attribute("value_ints").getIntsList().stream().mapToDouble(Long::doubleValue).toArray());
        else throw n.unsupported("Constant without a value, value_float(s) or value_int(s) attribute (sparse and string constants are not supported)");
        return (t, in) -> one(value);
    }

    static OnnxKernel constantOfShape(OnnxNode n) {
        AttributeProto v = n.attribute("value");
        float fill = v == null ? 0f : OnnxTensors.toTensor(v.getT()).data()[0];
        return (t, in) -> one(Ops.constantOfShape(fill, ints(in[0])));
    }

    /** Pad: opset 1 {@code paddings}, 2-10 {@code pads}/{@code value} attributes; 11 on, inputs (pads, value, axes). */
    static OnnxKernel pad(OnnxNode n) {
        String modeName = n.s("mode", "constant").toUpperCase(Locale.ROOT);
        PadOp.Mode mode;
        try {
            mode = PadOp.Mode.valueOf(modeName);
        } catch (IllegalArgumentException e) {
            throw n.unsupported("pad mode " + modeName.toLowerCase(Locale.ROOT) + " is not supported");
        }
        int[] attr = n.ints(n.opset() < 2 ? "paddings" : "pads", null);
        float attrValue = n.f("value", 0f);
        return (t, in) -> {
            Tensor x = in[0];
            int r = x.rank();
            int[] pads = n.opset() < 11 ? attr : ints(in[1]);
            Tensor value = n.opset() < 11 ? null : in(in, 2), axesIn = in(in, 3);
            int[] axes = axesIn == null ? null : ints(axesIn);
            int k = axes == null ? r : axes.length;
            if (pads.length != 2 * k) throw new IllegalArgumentException("Pad: " + pads.length + " pads for " + k + " axes");
            int[] before = new int[r], after = new int[r];
            for (int i = 0; i < k; i++) {
                int a = axes == null ? i : (axes[i] < 0 ? axes[i] + r : axes[i]);
                before[a] = pads[i];
                after[a] = pads[i + k];
            }
            float fill = value == null ? attrValue : value.size() == 0 ? 0f : value.data()[0];
            return one(Ops.pad(x, before, after, mode, fill));
        };
    }

    static OnnxKernel depthToSpace(OnnxNode n) {
        int block = (int) n.i("blocksize", 0);
        DepthToSpaceOp.Mode mode = n.s("mode", "DCR").equals("CRD") ? DepthToSpaceOp.Mode.CRD : DepthToSpaceOp.Mode.DCR;
        return (t, in) -> one(Ops.depthToSpace(in[0], block, mode));
    }

    static OnnxKernel spaceToDepth(OnnxNode n) {
        int block = (int) n.i("blocksize", 0);
        return (t, in) -> one(Ops.spaceToDepth(in[0], block));
    }

    private static Tensor vector(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return Tensor.of(f, f.length);
    }

    private static int clamp(long v, int r) {
        return (int) Math.max(0, Math.min(r, v));
    }
}
