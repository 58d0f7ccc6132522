package dev.beak.onnx;

import dev.beak.tensor.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Rewrites an imported node from the opset it was read at to the (newer) opset the export writes:
 * attributes that later opsets take as inputs (axes, split, pads, bounds, slice ranges, shapes)
 * become int64 or float initializers; legacy broadcasting and PRelu slopes get numpy-broadcastable
 * shapes; softmax's pre-13 "coerce to 2-d" becomes Flatten, Softmax, Reshape; dropout (inference)
 * becomes Identity; attributes later opsets removed are dropped. An op that changed in some other way
 * fails with one message naming the layer, the op and both opsets.
 */
final class OnnxUpgrades {
    private OnnxUpgrades() {}

    /** Ops whose meaning no opset from 1 to 25 changed (after dropping {@code consumed_inputs}) for the graphs Beak imports. */
    private static final Set<String> STABLE = Set.of("Conv", "ConvTranspose", "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool",
            "Relu", "Sigmoid", "Tanh", "Exp", "Log", "Sqrt", "Abs", "Neg", "Reciprocal", "LeakyRelu", "Elu", "Selu", "HardSigmoid",
            "Softplus", "HardSwish", "InstanceNormalization", "LRN", "Flatten", "Transpose", "Gather", "Expand", "Shape", "Identity",
            "MatMul", "Sum", "Max", "Min", "Mean", "ConstantOfShape", "DepthToSpace", "SpaceToDepth", "LayerNormalization", "Constant");

    /** Reductions whose axes became an input at opset 18 (ReduceSum's at 13). */
    private static final Set<String> REDUCE_18 = Set.of("ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2",
            "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare");

    /** Upgrades {@code d} from opset {@code from} to the writer's; false when the node was written here already. */
    static boolean upgrade(OnnxNodeExport.Draft d, int from, OnnxGraphWriter g, String layer) {
        int to = g.opset();
        d.attributes.remove("consumed_inputs");
        if (d.op.equals("Dropout")) {     // inference: the input passes through; the optional mask is never read
            d.op = "Identity";
            d.attributes.clear();
            d.inputs.subList(1, d.inputs.size()).clear();
            d.outputs.subList(1, d.outputs.size()).clear();
            return true;
        }
        if (from >= to || STABLE.contains(d.op)) return true;
        switch (d.op) {
            case "Add", "Sub", "Mul", "Div", "Pow" -> legacyBroadcast(d, g, from, layer);
            case "Gemm" -> d.attributes.remove("broadcast");
            case "PRelu" -> preluSlope(d, g, from);
            case "BatchNormalization" -> {
                if (d.attributes.remove("spatial") instanceof OnnxAttribute.IntValue sp && sp.value() == 0) {
                    throw fail(d, from, to, layer, "spatial = 0 (statistics per element) has no form in newer opsets");
                }
                d.attributes.remove("is_test");
                d.outputs.subList(1, d.outputs.size()).clear();   // the extra outputs exist in training only
            }
            case "Softmax", "LogSoftmax", "Hardmax" -> { if (from < 13 && to >= 13) return coercedSoftmax(d, g, layer, from); }
            case "Squeeze", "Unsqueeze" -> { if (from < 13 && to >= 13) attributeToInput(d, g, "axes", 1); }
            case "ReduceSum" -> { if (from < 13 && to >= 13) attributeToInput(d, g, "axes", 1); }
            case "Split" -> {
                if (from < 13 && to >= 13) attributeToInput(d, g, "split", 1);
                if (to >= 18 && (d.inputs.size() < 2 || d.inputs.get(1).isEmpty())) d.attributes.put("num_outputs", new OnnxAttribute.IntValue(d.outputs.size()));
            }
            case "Clip" -> { if (from < 11) clipBounds(d, g); }
            case "Pad" -> { if (from < 11) padInputs(d, g); }
            case "Slice" -> {
                if (from < 10) {
                    attributeToInput(d, g, "starts", 1);
                    attributeToInput(d, g, "ends", 2);
                    attributeToInput(d, g, "axes", 3);
                }
            }
            case "Reshape" -> { if (from < 5) attributeToInput(d, g, "shape", 1); }
            case "Concat" -> { if (from < 4) d.attributes.putIfAbsent("axis", new OnnxAttribute.IntValue(1)); }
            case "Cast", "Resize", "LpPool", "GlobalLpPool" -> {
                boolean changed = d.op.equals("Cast") ? from < 6 : d.op.equals("Resize") ? from < 11 : from < 2;
                if (changed) throw fail(d, from, to, layer, "its attributes changed meaning");
            }
            default -> {
                if (REDUCE_18.contains(d.op)) {
                    if (from < 18 && to >= 18) attributeToInput(d, g, "axes", 1);
                } else {
                    throw fail(d, from, to, layer, "Beak does not know how it changed in between");
                }
            }
        }
        return true;
    }

    private static IllegalArgumentException fail(OnnxNodeExport.Draft d, int from, int to, String layer, String why) {
        return new IllegalArgumentException("layer " + layer + ": ONNX op " + d.op + " read at opset " + from + " cannot be written at opset "
                + to + " (" + why + ")");
    }

    /** Attribute {@code name} (ints) as int64 input {@code at}; absent stays absent. */
    private static void attributeToInput(OnnxNodeExport.Draft d, OnnxGraphWriter g, String name, int at) {
        OnnxAttribute a = d.attributes.remove(name);
        if (a == null) return;
        long[] v = ((OnnxAttribute.IntList) a).values().stream().mapToLong(Long::longValue).toArray();
        setInput(d, at, g.int64s(d.outputs.getFirst() + "." + name, v));
    }

    private static void setInput(OnnxNodeExport.Draft d, int at, String name) {
        while (d.inputs.size() <= at) {
            d.inputs.add("");
            d.constants.add(null);
            d.ranks.add(-1);
        }
        d.inputs.set(at, name);
    }

    /** Opsets before 7 broadcast only with {@code broadcast = 1}, B aligned at {@code axis}: B gets trailing 1s instead. */
    private static void legacyBroadcast(OnnxNodeExport.Draft d, OnnxGraphWriter g, int from, String layer) {
        if (from >= 7) return;
        OnnxAttribute axis = d.attributes.remove("axis");
        boolean broadcast = d.attributes.remove("broadcast") instanceof OnnxAttribute.IntValue b && b.value() != 0;
        if (!broadcast || axis == null) return;
        int a = (int) ((OnnxAttribute.IntValue) axis).value(), ra = d.ranks.get(0), rb = d.ranks.get(1);
        if (ra < 0) throw new IllegalArgumentException("layer " + layer + ": " + d.op + " broadcasts at an axis of an input of unknown rank");
        if (a < 0) a += ra;
        int trailing = ra - a - rb;
        if (trailing <= 0) return;
        Tensor b = d.constants.get(1);
        if (b == null) throw new IllegalArgumentException("layer " + layer + ": " + d.op + " (opset " + from + ") broadcasts a computed input at axis "
                + a + ", which Beak's export does not rewrite");
        int[] shape = Arrays.copyOf(b.shape(), rb + trailing);
        Arrays.fill(shape, rb, shape.length, 1);
        d.inputs.set(1, reshaped(g, d, b, shape));
    }

    /** Before opset 7, a per-channel slope (C) applied to axis 1; numpy broadcasting needs (C, 1, ...). */
    private static void preluSlope(OnnxNodeExport.Draft d, OnnxGraphWriter g, int from) {
        Tensor slope = d.constants.size() > 1 ? d.constants.get(1) : null;
        int r = d.ranks.get(0);
        if (from >= 7 || slope == null || slope.rank() != 1 || slope.size() == 1 || r <= 2) return;
        int[] shape = new int[r - 1];
        Arrays.fill(shape, 1);
        shape[0] = slope.size();
        d.inputs.set(1, reshaped(g, d, slope, shape));
    }

    /** A float initializer holding {@code t}'s values in {@code shape} (the node's input is renamed to it). */
    private static String reshaped(OnnxGraphWriter g, OnnxNodeExport.Draft d, Tensor t, int[] shape) {
        return g.floats(d.outputs.getFirst() + ".broadcast", t.data(), shape);
    }

    /** Before opset 13, (Log)Softmax flattened the input to 2-d at {@code axis} (default 1) and normalised rows. */
    private static boolean coercedSoftmax(OnnxNodeExport.Draft d, OnnxGraphWriter g, String layer, int from) {
        OnnxAttribute at = d.attributes.remove("axis");
        int r = d.ranks.get(0), axis = at == null ? 1 : (int) ((OnnxAttribute.IntValue) at).value();
        if (r < 0) throw new IllegalArgumentException("layer " + layer + ": " + d.op + " (opset " + from + ") on an input of unknown rank");
        if (axis < 0) axis += r;
        if (axis == r - 1) {
            d.attributes.put("axis", new OnnxAttribute.IntValue(-1));
            return true;
        }
        String x = d.inputs.getFirst(), out = d.outputs.getFirst();
        String flat = g.unary("Flatten", x, g.fresh(out + "/flat"), "axis", axis);
        String rows = g.unary(d.op, flat, g.fresh(out + "/rows"), "axis", -1);
        String shape = g.unary("Shape", x, g.fresh(out + "/shape"));
        g.node("Reshape", List.of(rows, shape), List.of(out));
        return false;
    }

    /** Clip before opset 11: bounds as attributes; now optional float inputs. */
    private static void clipBounds(OnnxNodeExport.Draft d, OnnxGraphWriter g) {
        OnnxAttribute min = d.attributes.remove("min"), max = d.attributes.remove("max");
        if (min instanceof OnnxAttribute.FloatValue f) setInput(d, 1, g.scalar(d.outputs.getFirst() + ".min", f.value()));
        if (max instanceof OnnxAttribute.FloatValue f) setInput(d, 2, g.scalar(d.outputs.getFirst() + ".max", f.value()));
    }

    /** Pad before opset 11: pads (opset 1: paddings) and value as attributes; now inputs. */
    private static void padInputs(OnnxNodeExport.Draft d, OnnxGraphWriter g) {
        OnnxAttribute pads = d.attributes.remove("pads");
        if (pads == null) pads = d.attributes.remove("paddings");
        if (pads != null) setInput(d, 1, g.int64s(d.outputs.getFirst() + ".pads",
                ((OnnxAttribute.IntList) pads).values().stream().mapToLong(Long::longValue).toArray()));
        if (d.attributes.remove("value") instanceof OnnxAttribute.FloatValue v && v.value() != 0f) {
            setInput(d, 2, g.scalar(d.outputs.getFirst() + ".value", v.value()));
        }
    }
}
