package dev.beak.onnx;

import dev.beak.ops.BroadcastOp;
import dev.beak.ops.UnaryOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one table from ONNX ops to Beak: op type, the opsets a converter handles, and the converter.
 * Adding an op is a line here (and, when it needs code, a small method in one of the converter
 * classes). An op that a planned Beak op will cover is listed in {@link #PLANNED}; importing it fails
 * with "needs op X (not in Beak yet)", which a conformance run reports as skipped.
 *
 * <p>A row for a new op reads its attributes once, at import, and returns the kernel:
 * {@snippet :
 * op("LeakyRelu", 6, n -> {
 *     float alpha = n.f("alpha", 0.01f);
 *     return (training, in) -> one(Ops.leakyRelu(in[0], alpha));
 * }),
 * }
 */
public final class OnnxOps {
    private OnnxOps() {}

    /** The newest opset whose operator versions Beak knows. */
    public static final int MAX_OPSET = 25;

    /** One row: {@code opType} at opsets {@code since} to {@code until} (inclusive) is converted by {@code converter}. */
    public record Entry(String opType, int since, int until, Converter converter) {}

    private static final List<Entry> TABLE = List.of(
            // Arithmetic: opsets below 7 broadcast only when asked (attributes broadcast and axis).
            op("Add", 1, 6, ArithmeticConverters.legacyBinary(BroadcastOp.Kind.ADD)),
            op("Add", 7, ArithmeticConverters.binary(BroadcastOp.Kind.ADD)),
            op("Sub", 1, 6, ArithmeticConverters.legacyBinary(BroadcastOp.Kind.SUB)),
            op("Sub", 7, ArithmeticConverters.binary(BroadcastOp.Kind.SUB)),
            op("Mul", 1, 6, ArithmeticConverters.legacyBinary(BroadcastOp.Kind.MUL)),
            op("Mul", 7, ArithmeticConverters.binary(BroadcastOp.Kind.MUL)),
            op("Div", 1, 6, ArithmeticConverters.legacyBinary(BroadcastOp.Kind.DIV)),
            op("Div", 7, ArithmeticConverters.binary(BroadcastOp.Kind.DIV)),
            op("Pow", 1, 6, ArithmeticConverters.legacyBinary(BroadcastOp.Kind.POW)),
            op("Pow", 7, ArithmeticConverters.binary(BroadcastOp.Kind.POW)),
            op("Sum", 1, ArithmeticConverters.variadic(BroadcastOp.Kind.ADD)),
            op("Max", 1, ArithmeticConverters.variadic(BroadcastOp.Kind.MAX)),
            op("Min", 1, ArithmeticConverters.variadic(BroadcastOp.Kind.MIN)),
            op("Mean", 1, ArithmeticConverters::mean),
            op("Abs", 1, ArithmeticConverters.unary(UnaryOp.Kind.ABS)),
            op("Neg", 1, ArithmeticConverters.unary(UnaryOp.Kind.NEG)),
            op("Exp", 1, ArithmeticConverters.unary(UnaryOp.Kind.EXP)),
            op("Log", 1, ArithmeticConverters.unary(UnaryOp.Kind.LOG)),
            op("Sqrt", 1, ArithmeticConverters.unary(UnaryOp.Kind.SQRT)),
            op("Reciprocal", 1, ArithmeticConverters.unary(UnaryOp.Kind.RECIPROCAL)),
            op("Clip", 1, 10, ArithmeticConverters::clipAttributes),
            op("Clip", 11, ArithmeticConverters::clipInputs),
            op("Relu", 1, ArithmeticConverters::relu),
            op("Softmax", 1, 12, ArithmeticConverters::softmaxCoerced),
            op("Softmax", 13, ArithmeticConverters::softmaxAxis),
            op("LogSoftmax", 1, 12, ActivationConverters::logSoftmaxCoerced),
            op("LogSoftmax", 13, ActivationConverters::logSoftmaxAxis),
            // Activations beyond ReLU.
            op("Sigmoid", 1, ActivationConverters::sigmoid),
            op("Tanh", 1, ActivationConverters::tanh),
            op("Softplus", 1, ActivationConverters::softplus),
            op("HardSwish", 14, ActivationConverters::hardSwish),
            op("HardSigmoid", 1, ActivationConverters::hardSigmoid),
            op("LeakyRelu", 1, ActivationConverters::leakyRelu),
            op("Elu", 1, ActivationConverters::elu),
            op("Selu", 1, ActivationConverters::selu),
            op("PRelu", 1, ActivationConverters::prelu),
            op("Gemm", 1, ArithmeticConverters::gemm),
            op("MatMul", 1, ArithmeticConverters::matmul),
            op("ReduceSum", 1, ArithmeticConverters.reduce(dev.beak.ops.ReduceOp.Kind.SUM, 13)),
            op("ReduceMean", 1, ArithmeticConverters.reduce(dev.beak.ops.ReduceOp.Kind.MEAN, 18)),
            op("ReduceMax", 1, ArithmeticConverters.reduce(dev.beak.ops.ReduceOp.Kind.MAX, 18)),
            op("Dropout", 1, ArithmeticConverters::dropout),
            op("Identity", 1, ArithmeticConverters::identity),
            op("Cast", 1, ArithmeticConverters::cast),
            // Convolution and pooling (1-d runs as 2-d with a height of 1, 3-d on the N-d ops).
            op("Conv", 1, CnnConverters::conv),
            op("ConvTranspose", 1, CnnConverters::convTranspose),
            op("MaxPool", 1, CnnConverters::maxPool),
            op("AveragePool", 1, PoolConverters::averagePool),
            op("LpPool", 1, PoolConverters::lpPool),
            op("GlobalAveragePool", 1, PoolConverters::globalAveragePool),
            op("GlobalMaxPool", 1, PoolConverters::globalMaxPool),
            op("GlobalLpPool", 1, PoolConverters::globalLpPool),
            // Normalisation.
            op("BatchNormalization", 1, NormConverters::batchNorm),
            op("InstanceNormalization", 1, NormConverters::instanceNorm),
            op("GroupNormalization", 18, NormConverters::groupNorm),
            op("LayerNormalization", 17, NormConverters::layerNorm),
            op("LRN", 1, NormConverters::lrn),
            // Shapes and data movement.
            op("Reshape", 1, ShapeConverters::reshape),
            op("Flatten", 1, ShapeConverters::flatten),
            op("Shape", 1, ShapeConverters::shape),
            op("Transpose", 1, ShapeConverters::transpose),
            op("Slice", 1, 9, ShapeConverters::sliceAttributes),
            op("Slice", 10, ShapeConverters::sliceInputs),
            op("Split", 1, ShapeConverters::split),
            op("Squeeze", 1, ShapeConverters::squeeze),
            op("Unsqueeze", 1, ShapeConverters::unsqueeze),
            op("Gather", 1, ShapeConverters::gather),
            op("Concat", 4, ShapeConverters::concat),
            op("Expand", 8, ShapeConverters::expand),
            op("Constant", 1, ShapeConverters::constant),
            op("ConstantOfShape", 9, ShapeConverters::constantOfShape),
            op("Pad", 1, ShapeConverters::pad),
            op("DepthToSpace", 1, ShapeConverters::depthToSpace),
            op("SpaceToDepth", 1, ShapeConverters::spaceToDepth),
            op("Resize", 10, ResizeConverters::resize),
            op("Upsample", 7, 9, ResizeConverters::upsample));

    /**
     * Ops that planned Beak ops (work not merged yet) will cover; until then an import fails with
     * "needs op X (not in Beak yet)". Remove a name when its row is added above. Empty now: the layer
     * catalogue's ops all have rows.
     */
    static final Set<String> PLANNED = Set.of();

    /** What a constant float input of a node is to training. */
    public enum WeightRole {
        /** A plain constant (a setting, a shape, a scale): kept, never trained. */
        CONSTANT,
        /** A learned weight: a trainable parameter. */
        TRAINABLE,
        /** Learned state that training does not step (batch norm's running statistics): a buffer. */
        STATE
    }

    /**
     * The weight inputs of the layer ops (op type to input positions): convolution and Gemm/MatMul
     * weights and biases, norm scales and shifts, PReLU slopes.
     */
    private static final Map<String, Set<Integer>> TRAINABLE = Map.of(
            "Conv", Set.of(1, 2), "ConvTranspose", Set.of(1, 2), "Gemm", Set.of(1, 2), "MatMul", Set.of(0, 1),
            "BatchNormalization", Set.of(1, 2), "InstanceNormalization", Set.of(1, 2), "LayerNormalization", Set.of(1, 2),
            "GroupNormalization", Set.of(1, 2), "PRelu", Set.of(1));

    private static final Map<String, Set<Integer>> STATE = Map.of("BatchNormalization", Set.of(3, 4));

    /** Ops whose output may be followed by a separate bias {@code Add} (older exporters write Conv + Add, MatMul + Add). */
    private static final Set<String> BIASED = Set.of("Conv", "ConvTranspose", "Gemm", "MatMul");

    /**
     * The role of a constant float input {@code k} of {@code opType}; {@code producers} are the op types
     * that compute the node's other inputs (null for constants and model inputs), for the bias rule.
     */
    public static WeightRole weightRole(String opType, int k, List<String> producers) {
        if (TRAINABLE.getOrDefault(opType, Set.of()).contains(k)) return WeightRole.TRAINABLE;
        if (STATE.getOrDefault(opType, Set.of()).contains(k)) return WeightRole.STATE;
        if (opType.equals("Add") && producers.size() == 2 && producers.get(1 - k) != null && BIASED.contains(producers.get(1 - k))) {
            return WeightRole.TRAINABLE;
        }
        return WeightRole.CONSTANT;
    }

    private static Entry op(String type, int since, Converter c) {
        return new Entry(type, since, MAX_OPSET, c);
    }

    private static Entry op(String type, int since, int until, Converter c) {
        return new Entry(type, since, until, c);
    }

    /** Every row of the table. */
    public static List<Entry> table() {
        return TABLE;
    }

    /** The converter for {@code opType} at {@code opset}, or one clear error naming the op, the opset and the node. */
    public static Converter lookup(String opType, int opset, String node) {
        List<Entry> rows = new ArrayList<>();
        for (Entry e : TABLE) {
            if (!e.opType().equals(opType)) continue;
            if (opset >= e.since() && opset <= e.until()) return e.converter();
            rows.add(e);
        }
        if (PLANNED.contains(opType)) {
            throw new OnnxImportException(OnnxImportException.Reason.NEEDS_OP, node, opType, opset, "needs op " + opType + " (not in Beak yet)");
        }
        if (rows.isEmpty()) {
            throw new OnnxImportException(OnnxImportException.Reason.UNSUPPORTED, node, opType, opset,
                    "op " + opType + " is not supported by Beak's ONNX importer");
        }
        String ranges = rows.stream().map(e -> e.since() + (e.until() == MAX_OPSET ? "+" : "-" + e.until())).collect(Collectors.joining(", "));
        throw new OnnxImportException(OnnxImportException.Reason.UNSUPPORTED, node, opType, opset,
                "op " + opType + " is not supported at opset " + opset + " (Beak supports opsets " + ranges + ")");
    }
}
