package dev.beak.onnx;

import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Conv1d;
import dev.beak.nn.layer.Conv2d;
import dev.beak.nn.layer.ConvTranspose1d;
import dev.beak.nn.layer.ConvTranspose2d;
import dev.beak.nn.layer.Dense;
import dev.beak.ops.Window2d;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Convolutions and Dense as ONNX Conv, ConvTranspose and Gemm. Beak's padding modes (valid, same,
 * explicit) are resolved for the layer's input size into explicit {@code pads}, so SAME's odd pixel
 * lands at the end exactly as Beak puts it. A fused activation follows as its own node.
 */
final class ConvExports {
    private ConvExports() {}

    static void conv2d(Conv2d c, ExportStep s) {
        int[] in = s.shape(0);
        Window2d g = Window2d.of(new int[] {1, in[0], in[1], in[2]}, c.kernelH(), c.kernelW(), c.strideH(), c.strideW(),
                c.dilationH(), c.dilationW(), c.padding());
        String y = conv(s, "Conv", c.activation() == Activation.LINEAR, "kernel_shape", new int[] {c.kernelH(), c.kernelW()},
                "strides", new int[] {c.strideH(), c.strideW()}, "dilations", new int[] {c.dilationH(), c.dilationW()},
                "pads", new int[] {g.padTop(), g.padLeft(), g.padBottom(), g.padRight()}, "group", c.groups());
        ActivationExports.activate(s, c.activation(), y, s.out());
    }

    static void conv1d(Conv1d c, ExportStep s) {
        int[] in = s.shape(0);
        Window2d g = Window2d.of(new int[] {1, in[0], 1, in[1]}, 1, c.kernel(), 1, c.stride(), 1, c.dilation(), c.padding());
        String y = conv(s, "Conv", c.activation() == Activation.LINEAR, "kernel_shape", new int[] {c.kernel()},
                "strides", new int[] {c.stride()}, "dilations", new int[] {c.dilation()}, "pads", new int[] {g.padLeft(), g.padRight()},
                "group", c.groups());
        ActivationExports.activate(s, c.activation(), y, s.out());
    }

    static void convTranspose2d(ConvTranspose2d c, ExportStep s) {
        var p = c.padding();
        String y = conv(s, "ConvTranspose", c.activation() == Activation.LINEAR, "kernel_shape", new int[] {c.kernelH(), c.kernelW()},
                "strides", new int[] {c.strideH(), c.strideW()}, "dilations", new int[] {c.dilationH(), c.dilationW()},
                "pads", new int[] {p.top(), p.left(), p.bottom(), p.right()},
                "output_padding", new int[] {c.outputPaddingH(), c.outputPaddingW()}, "group", c.groups());
        ActivationExports.activate(s, c.activation(), y, s.out());
    }

    static void convTranspose1d(ConvTranspose1d c, ExportStep s) {
        String y = conv(s, "ConvTranspose", c.activation() == Activation.LINEAR, "kernel_shape", new int[] {c.kernel()},
                "strides", new int[] {c.stride()}, "dilations", new int[] {c.dilation()}, "pads", new int[] {c.padBegin(), c.padEnd()},
                "output_padding", new int[] {c.outputPadding()}, "group", c.groups());
        ActivationExports.activate(s, c.activation(), y, s.out());
    }

    /**
     * Dense as Gemm: Beak builds its weight (In, Out), as Keras stores it (transB 0); a weight held
     * (Out, In), as ONNX Gemm, PyTorch and DenseOp's other layout keep it, is written with transB 1.
     */
    static void dense(Dense d, ExportStep s) {
        Tensor w = s.tensor("weight");
        int in = s.shape(0)[0];
        boolean outIn = w.dim(0) == d.units() && w.dim(1) == in && in != d.units();
        List<String> inputs = new ArrayList<>(List.of(s.in(), s.initializer("weight")));
        if (s.tensor("bias") != null) inputs.add(s.initializer("bias"));
        String y = d.activation() == Activation.LINEAR ? s.out() : s.temp("linear");
        s.graph().node("Gemm", inputs, List.of(y), "transB", outIn ? 1 : 0);
        ActivationExports.activate(s, d.activation(), y, s.out());
    }

    /** Conv or ConvTranspose with the layer's weight and bias; writes the output, or an intermediate when an activation follows. */
    private static String conv(ExportStep s, String op, boolean linear, Object... attributes) {
        List<String> inputs = new ArrayList<>(List.of(s.in(), s.initializer("weight")));
        if (s.tensor("bias") != null) inputs.add(s.initializer("bias"));
        String y = linear ? s.out() : s.temp("linear");
        s.graph().node(op, inputs, List.of(y), attributes);
        return y;
    }
}
