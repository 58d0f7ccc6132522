package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.beak.nn.layer.AvgPool1d;
import dev.beak.nn.layer.AvgPool2d;
import dev.beak.nn.layer.Flatten;
import dev.beak.nn.layer.GlobalPool;
import dev.beak.nn.layer.LpPool1d;
import dev.beak.nn.layer.LpPool2d;
import dev.beak.nn.layer.MaxPool1d;
import dev.beak.nn.layer.MaxPool2d;
import dev.beak.ops.Padding;
import dev.beak.ops.PoolWindow;
import dev.beak.ops.Window2d;

import java.util.Arrays;
import java.util.List;

/**
 * Pooling, global pooling and Flatten as ONNX nodes. 1-d layers are windows of height 1 in Beak and
 * rank-3 pools in ONNX. Max and Lp pooling write ceil mode as extra end padding (the padded values
 * never win a maximum and add nothing to a p-norm); average pooling keeps ONNX's {@code ceil_mode},
 * whose divisor, like Beak's, never counts that extra padding.
 */
final class PoolExports {
    private PoolExports() {}

    static void maxPool2d(MaxPool2d p, ExportStep s) {
        Window2d g = window(s, p.poolH(), p.poolW(), p.strideH(), p.strideW(), p.dilationH(), p.dilationW(), p.padding(), p.ceilMode());
        s.graph().unary("MaxPool", s.in(), s.out(), "kernel_shape", new int[] {p.poolH(), p.poolW()},
                "strides", new int[] {p.strideH(), p.strideW()}, "dilations", new int[] {p.dilationH(), p.dilationW()}, "pads", pads2d(g));
    }

    static void maxPool1d(MaxPool1d p, ExportStep s) {
        Window2d g = window(s, 1, p.pool(), 1, p.stride(), 1, p.dilation(), p.padding(), p.ceilMode());
        s.graph().unary("MaxPool", s.in(), s.out(), "kernel_shape", new int[] {p.pool()}, "strides", new int[] {p.stride()},
                "dilations", new int[] {p.dilation()}, "pads", new int[] {g.padLeft(), g.padRight()});
    }

    static void avgPool2d(AvgPool2d p, ExportStep s) {
        Window2d plain = window(s, p.poolH(), p.poolW(), p.strideH(), p.strideW(), 1, 1, p.padding(), false);
        boolean ceil = p.ceilMode() && !plain.equals(window(s, p.poolH(), p.poolW(), p.strideH(), p.strideW(), 1, 1, p.padding(), true));
        s.graph().unary("AveragePool", s.in(), s.out(), "kernel_shape", new int[] {p.poolH(), p.poolW()},
                "strides", new int[] {p.strideH(), p.strideW()}, "pads", pads2d(plain), "ceil_mode", ceil ? 1 : 0,
                "count_include_pad", p.countIncludePad() ? 1 : 0);
    }

    static void avgPool1d(AvgPool1d p, ExportStep s) {
        Window2d plain = window(s, 1, p.pool(), 1, p.stride(), 1, 1, p.padding(), false);
        boolean ceil = p.ceilMode() && !plain.equals(window(s, 1, p.pool(), 1, p.stride(), 1, 1, p.padding(), true));
        s.graph().unary("AveragePool", s.in(), s.out(), "kernel_shape", new int[] {p.pool()}, "strides", new int[] {p.stride()},
                "pads", new int[] {plain.padLeft(), plain.padRight()}, "ceil_mode", ceil ? 1 : 0, "count_include_pad", p.countIncludePad() ? 1 : 0);
    }

    static void lpPool2d(LpPool2d p, ExportStep s) {
        Window2d g = window(s, p.poolH(), p.poolW(), p.strideH(), p.strideW(), 1, 1, p.padding(), p.ceilMode());
        lpPool(s, p.p(), new int[] {p.poolH(), p.poolW()}, new int[] {p.strideH(), p.strideW()}, pads2d(g));
    }

    static void lpPool1d(LpPool1d p, ExportStep s) {
        Window2d g = window(s, 1, p.pool(), 1, p.stride(), 1, 1, p.padding(), p.ceilMode());
        lpPool(s, p.p(), new int[] {p.pool()}, new int[] {p.stride()}, new int[] {g.padLeft(), g.padRight()});
    }

    /**
     * ONNX's LpPool takes an integer p; any other p is written as what it computes:
     * {@code (sum over the window of |x|^p)^(1/p)}, the sum a depthwise convolution with a window of ones.
     */
    private static void lpPool(ExportStep s, float p, int[] kernel, int[] strides, int[] pads) {
        OnnxGraphWriter g = s.graph();
        if (p == Math.rint(p)) {
            g.unary("LpPool", s.in(), s.out(), "p", (long) p, "kernel_shape", kernel, "strides", strides, "pads", pads);
            return;
        }
        int c = s.shape(0)[0];
        int[] ones = new int[kernel.length + 2];
        ones[0] = c;
        ones[1] = 1;
        System.arraycopy(kernel, 0, ones, 2, kernel.length);
        float[] w = new float[Arrays.stream(ones).reduce(1, (a, b) -> a * b)];
        Arrays.fill(w, 1f);
        String abs = g.unary("Abs", s.in(), s.temp("abs")), pow = s.temp("pow"), sum = s.temp("sum");
        g.node("Pow", List.of(abs, g.scalar(s.name() + ".p", p)), List.of(pow));
        g.node("Conv", List.of(pow, g.floats(s.name() + ".window", w, ones)), List.of(sum), "kernel_shape", kernel, "strides", strides,
                "pads", pads, "group", c);
        g.node("Pow", List.of(sum, g.scalar(s.name() + ".inverse_p", (float) (1.0 / p))), List.of(s.out()));
    }

    /** GlobalMaxPool / GlobalAveragePool keep the spatial axes as 1s; without keepDims a Flatten gives (N, C). */
    static void globalPool(GlobalPool p, ExportStep s) {
        if (s.inputs().length == 2) {
            maskedGlobalPool(p, s);
            return;
        }
        String op = p.reduction() == GlobalPool.Reduction.MAX ? "GlobalMaxPool" : "GlobalAveragePool";
        if (p.keepDims()) {
            s.graph().unary(op, s.in(), s.out());
        } else {
            s.graph().unary("Flatten", s.graph().unary(op, s.in(), s.temp("pooled")), s.out(), "axis", 1);
        }
    }

    /**
     * Pooling over the positions whose mask (N, *) is not 0, as Beak's masked pooling: the mask gets a
     * channel axis of 1 and selects with Where; the average divides the masked sum by the count of kept
     * positions, the maximum reduces with -inf in place of the dropped ones; a sample with no position
     * kept pools to 0 (its sum is 0 and its count is raised to 1; its maximum is replaced).
     */
    private static void maskedGlobalPool(GlobalPool p, ExportStep s) {
        OnnxGraphWriter g = s.graph();
        int rank = s.rank();
        long[] axes = new long[rank - 2];
        for (int a = 2; a < rank; a++) axes[a - 2] = a;
        String mask = s.temp("mask"), dropped = s.temp("dropped"), keep = s.temp("keep"), kept = s.temp("kept"), count = s.temp("count");
        g.node("Unsqueeze", List.of(s.inputs()[1], g.int64s(s.name() + ".channel_axis", 1)), List.of(mask));
        g.node("Equal", List.of(mask, g.scalar(s.name() + ".zero", 0f)), List.of(dropped));
        g.unary("Not", dropped, keep);
        g.unary("Cast", keep, kept, "to", TensorProto.DataType.FLOAT_VALUE);
        g.node("ReduceSum", List.of(kept, g.int64s(s.name() + ".axes", axes)), List.of(count), "keepdims", 1);
        String pooled = p.keepDims() ? s.out() : s.temp("pooled");
        if (p.reduction() == GlobalPool.Reduction.AVG) {
            String masked = s.temp("masked"), sum = s.temp("sum"), divisor = s.temp("divisor");
            g.node("Where", List.of(keep, s.in(), g.scalar(s.name() + ".zero", 0f)), List.of(masked));
            g.node("ReduceSum", List.of(masked, g.int64s(s.name() + ".axes", axes)), List.of(sum), "keepdims", 1);
            g.node("Max", List.of(count, g.scalar(s.name() + ".one", 1f)), List.of(divisor));
            g.node("Div", List.of(sum, divisor), List.of(pooled));
        } else {
            String masked = s.temp("masked"), max = s.temp("max"), any = s.temp("any");
            g.node("Where", List.of(keep, s.in(), g.scalar(s.name() + ".minus_infinity", Float.NEGATIVE_INFINITY)), List.of(masked));
            if (g.opset() >= 18) g.node("ReduceMax", List.of(masked, g.int64s(s.name() + ".axes", axes)), List.of(max), "keepdims", 1);
            else g.node("ReduceMax", List.of(masked), List.of(max), "axes", axes, "keepdims", 1);
            g.node("Greater", List.of(count, g.scalar(s.name() + ".zero", 0f)), List.of(any));
            g.node("Where", List.of(any, max, g.scalar(s.name() + ".zero", 0f)), List.of(pooled));
        }
        if (!p.keepDims()) g.unary("Flatten", pooled, s.out(), "axis", 1);
    }

    static void flatten(Flatten f, ExportStep s) {
        s.graph().unary("Flatten", s.in(), s.out(), "axis", 1);
    }

    /** The window Beak's op uses on this input (1-d inputs (C, L) as (C, 1, L)). */
    private static Window2d window(ExportStep s, int kH, int kW, int sH, int sW, int dH, int dW, Padding padding, boolean ceil) {
        int[] in = s.shape(0);
        int[] nchw = in.length == 2 ? new int[] {1, in[0], 1, in[1]} : new int[] {1, in[0], in[1], in[2]};
        return PoolWindow.of(nchw, kH, kW, sH, sW, dH, dW, padding, ceil);
    }

    private static int[] pads2d(Window2d g) {
        return new int[] {g.padTop(), g.padLeft(), g.padBottom(), g.padRight()};
    }
}
