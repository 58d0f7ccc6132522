package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.beak.tensor.Tensor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX node attribute as a value that model files hold ({@code {"type": "int_list", "values": [1, 1]}}),
 * convertible both ways to the protobuf form the converters read. Graph and sparse-tensor
 * attributes (control flow) are not supported by the importer and have no form here.
 */
public sealed interface OnnxAttribute {
    record IntValue(long value) implements OnnxAttribute {}

    record FloatValue(float value) implements OnnxAttribute {}

    record StringValue(String value) implements OnnxAttribute {}

    record IntList(List<Long> values) implements OnnxAttribute {}

    record FloatList(List<Float> values) implements OnnxAttribute {}

    record StringList(List<String> values) implements OnnxAttribute {}

    /** A tensor attribute (ConstantOfShape's value), integer types kept as exact floats. */
    record TensorValue(int dataType, List<Integer> dims, List<Float> values) implements OnnxAttribute {}

    /** The value of attribute {@code a}; fails naming it when its kind has no form here. */
    static OnnxAttribute of(AttributeProto a, OnnxNode node) {
        return switch (a.getType()) {
            case INT -> new IntValue(a.getI());
            case FLOAT -> new FloatValue(a.getF());
            case STRING -> new StringValue(a.getS().toStringUtf8());
            case INTS -> new IntList(List.copyOf(a.getIntsList()));
            case FLOATS -> new FloatList(List.copyOf(a.getFloatsList()));
            case STRINGS -> new StringList(a.getStringsList().stream().map(ByteString::toStringUtf8).toList());
            case TENSOR -> {
                Tensor t = OnnxTensors.toTensor(a.getT());
                List<Float> values = new ArrayList<>();
                for (float v : t.data()) values.add(v);
                List<Integer> dims = new ArrayList<>();
                for (int d : t.shape()) dims.add(d);
                yield new TensorValue(a.getT().getDataType(), dims, values);
            }
            default -> throw node.unsupported("attribute " + a.getName() + " of kind " + a.getType() + " is not supported");
        };
    }

    /** The protobuf form under {@code name}. */
    default AttributeProto toProto(String name) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name);
        return switch (this) {
            case IntValue v -> b.setType(AttributeProto.AttributeType.INT).setI(v.value()).build();
            case FloatValue v -> b.setType(AttributeProto.AttributeType.FLOAT).setF(v.value()).build();
            case StringValue v -> b.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFrom(v.value(), StandardCharsets.UTF_8)).build();
            case IntList v -> b.setType(AttributeProto.AttributeType.INTS).addAllInts(v.values()).build();
            case FloatList v -> b.setType(AttributeProto.AttributeType.FLOATS).addAllFloats(v.values()).build();
            case StringList v -> {
                b.setType(AttributeProto.AttributeType.STRINGS);
                for (String s : v.values()) b.addStrings(ByteString.copyFrom(s, StandardCharsets.UTF_8));
                yield b.build();
            }
            case TensorValue v -> {
                TensorProto.Builder t = TensorProto.newBuilder();
                for (int d : v.dims()) t.addDims(d);
                if (OnnxTensors.isInteger(v.dataType())) {
                    t.setDataType(TensorProto.DataType.INT64_VALUE);
                    for (float f : v.values()) t.addInt64Data((long) f);
                } else {
                    t.setDataType(TensorProto.DataType.FLOAT_VALUE).addAllFloatData(v.values());
                }
                yield b.setType(AttributeProto.AttributeType.TENSOR).setT(t).build();
            }
        };
    }
}
