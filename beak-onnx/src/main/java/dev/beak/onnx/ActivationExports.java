package dev.beak.onnx;

import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.ActivationLayer;
import dev.beak.nn.layer.Add;
import dev.beak.nn.layer.ClippedRelu;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.Elu;
import dev.beak.nn.layer.HardSigmoid;
import dev.beak.nn.layer.LeakyRelu;
import dev.beak.nn.layer.Maxout;
import dev.beak.nn.layer.Merge;
import dev.beak.nn.layer.PRelu;
import dev.beak.nn.layer.PReluNd;
import dev.beak.nn.layer.Rescale;
import dev.beak.ops.ActivationOps;
import dev.beak.tensor.Tensor;

import java.util.Arrays;
import java.util.List;

/** Activations, Maxout, Rescale and the wiring layers (Add, Merge, Concat) as ONNX nodes. */
final class ActivationExports {
    private ActivationExports() {}

    /** Writes {@code a} applied to {@code x} as {@code out} (nothing for LINEAR when the names agree). */
    static void activate(ExportStep s, Activation a, String x, String out) {
        OnnxGraphWriter g = s.graph();
        switch (a) {
            case LINEAR -> { if (!x.equals(out)) g.unary("Identity", x, out); }
            case RELU -> g.unary("Relu", x, out);
            case SOFTMAX -> g.unary("Softmax", x, out, "axis", -1);      // Beak's softmax runs over the last axis
            case LOG_SOFTMAX -> g.unary("LogSoftmax", x, out, "axis", -1);
            case SIGMOID -> g.unary("Sigmoid", x, out);
            case TANH -> g.unary("Tanh", x, out);
            case ELU -> g.unary("Elu", x, out, "alpha", 1f);
            case SELU -> g.unary("Selu", x, out, "alpha", (float) ActivationOps.SELU_ALPHA, "gamma", (float) ActivationOps.SELU_SCALE);
            case HARD_SIGMOID -> g.unary("HardSigmoid", x, out, "alpha", 0.2f, "beta", 0.5f);
            case HARD_SWISH -> g.unary("HardSwish", x, out);                  // x * relu6(x + 3) / 6, ONNX's alpha 1/6, beta 1/2
            case SOFTPLUS -> g.unary("Softplus", x, out);
            case RELU6 -> g.node("Clip", List.of(x, g.scalar(s.name() + ".min", 0f), g.scalar(s.name() + ".max", 6f)), List.of(out));
        }
    }

    static void activationLayer(ActivationLayer a, ExportStep s) {
        activate(s, a.activation(), s.in(), s.out());
    }

    static void leakyRelu(LeakyRelu l, ExportStep s) {
        s.graph().unary("LeakyRelu", s.in(), s.out(), "alpha", l.alpha());
    }

    static void elu(Elu e, ExportStep s) {
        s.graph().unary("Elu", s.in(), s.out(), "alpha", e.alpha());
    }

    static void hardSigmoid(HardSigmoid h, ExportStep s) {
        s.graph().unary("HardSigmoid", s.in(), s.out(), "alpha", h.alpha(), "beta", h.beta());
    }

    /** PRelu: ONNX broadcasts the slope from the right, so a per-channel slope (C) becomes (C, 1, ...). */
    static void prelu(PRelu p, ExportStep s) {
        Tensor slope = s.tensor("weight");
        int[] shape = new int[Math.max(1, s.rank() - 1)];
        Arrays.fill(shape, 1);
        shape[0] = slope.size();
        String w = s.graph().floats(s.name() + ".weight", slope.data(), slope.size() == 1 ? new int[] {1} : shape);
        s.graph().node("PRelu", List.of(s.in(), w), List.of(s.out()));
    }

    /** PReluNd: the slope has the sample's rank, so ONNX's right-aligned broadcasting spreads it over the batch as Beak does. */
    static void preluNd(PReluNd p, ExportStep s) {
        s.graph().node("PRelu", List.of(s.in(), s.graph().floats(s.name() + ".weight", s.tensor("weight").data(), p.slopeShape())),
                List.of(s.out()));
    }

    /**
     * {@code min(x >= 0 ? x : slope * x, maxValue)}: Relu (slope 0) or LeakyRelu, then Min with the
     * ceiling. Beak's clip has no floor here, so Min rather than Clip.
     */
    static void clippedRelu(ClippedRelu c, ExportStep s) {
        OnnxGraphWriter g = s.graph();
        String y = s.temp("relu");
        if (c.negativeSlope() == 0f) g.unary("Relu", s.in(), y);
        else g.unary("LeakyRelu", s.in(), y, "alpha", c.negativeSlope());
        g.node("Min", List.of(y, g.scalar(s.name() + ".max_value", c.maxValue())), List.of(s.out()));
    }

    /** {@code x * scale + offset} as Mul then Add of scalars. */
    static void rescale(Rescale r, ExportStep s) {
        OnnxGraphWriter g = s.graph();
        String scaled = s.temp("scaled");
        g.node("Mul", List.of(s.in(), g.scalar(s.name() + ".scale", r.scale())), List.of(scaled));
        g.node("Add", List.of(scaled, g.scalar(s.name() + ".offset", r.offset())), List.of(s.out()));
    }

    /** Maxout over groups of k consecutive channels: reshape (N, C/k, k, S), ReduceMax over the pieces, reshape back. */
    static void maxout(Maxout m, ExportStep s) {
        int[] in = s.shape(0);
        int groups = in[0] / m.pieces();
        OnnxGraphWriter g = s.graph();
        String split = g.fresh(s.name() + "/pieces"), max = g.fresh(s.name() + "/max");
        g.node("Reshape", List.of(s.in(), g.int64s(s.name() + ".pieces_shape", 0, groups, m.pieces(), -1)), List.of(split));
        reduce(g, "ReduceMax", split, max, 2);
        long[] back = new long[in.length + 1];
        back[1] = groups;
        for (int d = 1; d < in.length; d++) back[d + 1] = in[d];
        g.node("Reshape", List.of(max, g.int64s(s.name() + ".shape", back)), List.of(s.out()));
    }

    /** A reduction over one axis without keeping it; axes are an input from opset 18 (ReduceMax, ReduceMean) on. */
    static void reduce(OnnxGraphWriter g, String op, String in, String out, int axis) {
        if (g.opset() >= 18) g.node(op, List.of(in, g.int64s(out + ".axes", axis)), List.of(out), "keepdims", 0);
        else g.node(op, List.of(in), List.of(out), "axes", new int[] {axis}, "keepdims", 0);
    }

    static void add(Add a, ExportStep s) {
        String sum = s.in();
        for (int i = 1; i < s.inputs().length; i++) {
            String out = i == s.inputs().length - 1 ? s.out() : s.temp("sum");
            s.graph().node("Add", List.of(sum, s.inputs()[i]), List.of(out));
            sum = out;
        }
    }

    /** Subtract as Sub, Multiply as a chain of Mul (Beak's order), Average, Maximum and Minimum as variadic Mean, Max and Min. */
    static void merge(Merge m, ExportStep s) {
        OnnxGraphWriter g = s.graph();
        switch (m.kind()) {
            case SUBTRACT -> g.node("Sub", List.of(s.inputs()), List.of(s.out()));
            case MULTIPLY -> {
                String product = s.in();
                for (int i = 1; i < s.inputs().length; i++) {
                    String out = i == s.inputs().length - 1 ? s.out() : s.temp("product");
                    g.node("Mul", List.of(product, s.inputs()[i]), List.of(out));
                    product = out;
                }
            }
            case AVERAGE -> g.node("Mean", List.of(s.inputs()), List.of(s.out()));
            case MAXIMUM -> g.node("Max", List.of(s.inputs()), List.of(s.out()));
            case MINIMUM -> g.node("Min", List.of(s.inputs()), List.of(s.out()));
        }
    }

    static void concat(Concat c, ExportStep s) {
        int rank = s.shape(0).length, axis = (c.axis() < 0 ? c.axis() + rank : c.axis()) + 1;
        s.graph().node("Concat", List.of(s.inputs()), List.of(s.out()), "axis", axis);
    }
}
