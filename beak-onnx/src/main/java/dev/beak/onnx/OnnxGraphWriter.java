package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.beak.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ONNX graph an export is writing: nodes, initializers and unique tensor names, and the opset
 * the graph is written for. Layer exporters ({@link LayerExports}) only call these methods.
 */
final class OnnxGraphWriter {
    private final GraphProto.Builder graph;
    private final Set<String> names = new HashSet<>();
    private final int opset;

    OnnxGraphWriter(GraphProto.Builder graph, int opset) {
        this.graph = graph;
        this.opset = opset;
    }

    /** The default-domain opset being written. */
    int opset() {
        return opset;
    }

    /** A tensor name not used yet, {@code base} itself when free. */
    String fresh(String base) {
        String n = base;
        for (int k = 1; !names.add(n); k++) n = base + "_" + k;
        return n;
    }

    /** Marks {@code name} as taken (graph inputs). */
    void reserve(String name) {
        names.add(name);
    }

    /** Adds a node of {@code op} (default domain) named after its first output; attributes as name-value pairs. */
    void node(String op, List<String> inputs, List<String> outputs, Object... attributes) {
        node(op, "", inputs, outputs, attributes);
    }

    void node(String op, String domain, List<String> inputs, List<String> outputs, Object... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setDomain(domain).addAllInput(inputs).addAllOutput(outputs);
        String first = outputs.stream().filter(o -> !o.isEmpty()).findFirst().orElse(op);
        n.setName(fresh(first + "/" + op));
        for (int i = 0; i < attributes.length; i += 2) n.addAttribute(attribute((String) attributes[i], attributes[i + 1]));
        graph.addNode(n);
    }

    /** A one-input, one-output node writing {@code out}; returns {@code out}. */
    String unary(String op, String in, String out, Object... attributes) {
        node(op, List.of(in), List.of(out), attributes);
        return out;
    }

    /** A float32 initializer holding {@code t}, under a fresh name from {@code base}. */
    String floats(String base, Tensor t) {
        String name = fresh(base);
        graph.addInitializer(OnnxTensors.fromTensor(name, t));
        return name;
    }

    /** A float32 initializer of the given shape and values. */
    String floats(String base, float[] values, int... shape) {
        return floats(base, Tensor.of(values.clone(), shape));
    }

    /** A float32 scalar initializer. */
    String scalar(String base, float value) {
        return floats(base, Tensor.of(new float[] {value}));
    }

    /** An int64 initializer (shapes, axes, pads), rank 1. */
    String int64s(String base, long... values) {
        String name = fresh(base);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE).addDims(values.length);
        for (long v : values) t.addInt64Data(v);
        graph.addInitializer(t);
        return name;
    }

    /** An initializer of ONNX element type {@code dataType} holding the (float-carried) values of {@code t}. */
    String typed(String base, Tensor t, int dataType) {
        return dataType == TensorProto.DataType.FLOAT_VALUE || dataType == 0 ? floats(base, t) : converted(base, t, dataType);
    }

    private String converted(String base, Tensor t, int dataType) {
        String name = fresh(base);
        TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(dataType);
        for (int d : t.shape()) p.addDims(d);
        float[] v = t.data();
        ByteBuffer b;
        switch (TensorProto.DataType.forNumber(dataType)) {
            case INT64, UINT64 -> {
                b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) b.putLong((long) f);
            }
            case INT32, UINT32 -> {
                b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) b.putInt((int) (long) f);
            }
            case INT16, UINT16 -> {
                b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) b.putShort((short) f);
            }
            case INT8, UINT8, BOOL -> {
                b = ByteBuffer.allocate(v.length);
                for (float f : v) b.put((byte) f);
            }
            case DOUBLE -> {
                b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) b.putDouble(f);
            }
            case FLOAT16 -> {
                b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) b.putShort(Float.floatToFloat16(f));
            }
            case null, default -> throw new IllegalArgumentException("constant " + base + ": Beak cannot write ONNX element type "
                    + OnnxTensors.typeName(dataType));
        }
        graph.addInitializer(p.setRawData(ByteString.copyFrom(b.array())));
        return name;
    }

    private static AttributeProto attribute(String name, Object value) {
        return switch (value) {
            case OnnxAttribute a -> a.toProto(name);
            case Integer i -> new OnnxAttribute.IntValue(i).toProto(name);
            case Long l -> new OnnxAttribute.IntValue(l).toProto(name);
            case Boolean b -> new OnnxAttribute.IntValue(b ? 1 : 0).toProto(name);
            case Float f -> new OnnxAttribute.FloatValue(f).toProto(name);
            case Double d -> new OnnxAttribute.FloatValue(d.floatValue()).toProto(name);
            case String s -> new OnnxAttribute.StringValue(s).toProto(name);
            case int[] ints -> new OnnxAttribute.IntList(java.util.Arrays.stream(ints).mapToLong(i -> i).boxed().toList()).toProto(name);
            case long[] longs -> new OnnxAttribute.IntList(java.util.Arrays.stream(longs).boxed().toList()).toProto(name);
            default -> throw new IllegalArgumentException("attribute " + name + ": no ONNX form for " + value.getClass().getName());
        };
    }
}
