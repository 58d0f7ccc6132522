package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Importer behaviour on small models built here with the generated ONNX classes. */
class OnnxImporterTest {
    @Test
    void unsupportedOpFailsNamingOpOpsetAndNode() {
        ModelProto m = model(13, List.of(node("NonMaxSuppression", "nms_1", List.of("x"), List.of("y"))), "x", "y", 1, 4);
        assertThatThrownBy(() -> OnnxImporter.fromProto(m, "t", null))
                .isInstanceOf(OnnxImportException.class)
                .hasMessage("node \"nms_1\" (NonMaxSuppression, opset 13): op NonMaxSuppression is not supported by Beak's ONNX importer");
    }

    @Test
    void opOutsideItsOpsetRangeAndTooNewModelsFailClearly() {
        ModelProto upsample = model(10, List.of(node("Upsample", "up", List.of("x"), List.of("y"))), "x", "y", 1, 4);
        assertThatThrownBy(() -> OnnxImporter.fromProto(upsample, "t", null))
                .hasMessage("node \"up\" (Upsample, opset 10): op Upsample is not supported at opset 10 (Beak supports opsets 7-9)");
        ModelProto future = model(99, List.of(node("Relu", "r", List.of("x"), List.of("y"))), "x", "y", 1, 4);
        assertThatThrownBy(() -> OnnxImporter.fromProto(future, "t", null)).hasMessageContaining("opset 99");
        ModelProto sigmoid = model(13, List.of(node("Sigmoid", "s", List.of("x"), List.of("y"))), "x", "y", 1, 4);
        assertThatCode(() -> OnnxImporter.fromProto(sigmoid, "t", null)).doesNotThrowAnyException();
    }

    @Test
    void shapeArithmeticRunsAtRunTimeSoTheBatchSizeMayChange() {
        // y = reshape(x, concat(unsqueeze(shape(x)[0]), [-1])): PyTorch's x.view(x.size(0), -1).
        List<NodeProto> nodes = List.of(
                node("Shape", "shape", List.of("x"), List.of("s")),
                node("Gather", "gather", List.of("s", "zero"), List.of("n")),
                node("Unsqueeze", "unsqueeze", List.of("n", "axes"), List.of("n1")),
                node("Concat", "concat", List.of("n1", "minus1"), List.of("target"), ints("axis", 0)),
                node("Reshape", "reshape", List.of("x", "target"), List.of("y")));
        ModelProto m = model(13, nodes, "x", "y", 1, 3, 4).toBuilder().setGraph(model(13, nodes, "x", "y", 1, 3, 4).getGraph().toBuilder()
                .addInitializer(int64("zero", new long[0], 0)).addInitializer(int64("axes", new long[] {1}, 0))
                .addInitializer(int64("minus1", new long[] {1}, -1))).build();
        OnnxModel onnx = OnnxImporter.fromProto(m, "flatten", null);
        for (int batch : new int[] {1, 2, 5}) {
            Tensor x = Tensor.randn(new SplittableRandom(batch), batch, 3, 4);
            Tensor y = onnx.run(x)[0];
            assertThat(y.shape()).containsExactly(batch, 12);
            assertThat(y.data()).containsExactly(x.data());
        }
    }

    @Test
    void nodeWithSeveralOutputsBecomesOneLayerWithSeveralOutputs() {
        ModelProto m = model(18, List.of(node("Split", "split", List.of("x"), List.of("a", "b"), ints("axis", 1), ints("num_outputs", 2))),
                "x", "a", 2, 4).toBuilder().build();
        ModelProto two = m.toBuilder().setGraph(m.getGraph().toBuilder().addOutput(value("b", 2, 2))).build();
        OnnxModel onnx = OnnxImporter.fromProto(two, "split", null);
        Tensor[] out = onnx.run(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 4));
        assertThat(out[0].data()).containsExactly(1, 2, 5, 6);
        assertThat(out[1].data()).containsExactly(3, 4, 7, 8);
        assertThat(onnx.model().nodes()).hasSize(1);
        assertThat(onnx.model().outputPorts()).containsExactly(0, 1);
        assertThat(onnx.model().outputShape(0, 1)).containsExactly(2);
        // The model's outputs go by the graph's tensor names (as ONNX Runtime reports them), not the node's.
        assertThat(onnx.model().outputNames()).containsExactly("a", "b");
        assertThat(onnx.model().predictOutputs(1, Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 4)).get("b").data()).containsExactly(3, 4, 7, 8);
    }

    /**
     * Weight inputs become parameters whether they are initializers or come from Constant nodes
     * through other nodes (as CNTK and Caffe2 export them): here a MatMul weight reshaped from a
     * Constant node and its bias Add; a Mul by a constant and Clip's bounds stay constants.
     */
    @Test
    void weightInputsBecomeParametersFromInitializersAndConstantNodesButOtherConstantsStayConstants() {
        List<NodeProto> nodes = List.of(
                constantNode("w_flat", Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 6)),
                node("Reshape", "w_shape", List.of("w_flat", "shape"), List.of("w")),
                node("MatMul", "times", List.of("x", "w"), List.of("h")),
                node("Add", "plus", List.of("h", "b"), List.of("hb")),
                node("Mul", "scale", List.of("hb", "half"), List.of("hs")),
                node("Clip", "clip", List.of("hs", "lo", "hi"), List.of("y")));
        ModelProto m = model(13, nodes, "x", "y", 1, 3);
        m = m.toBuilder().setGraph(m.getGraph().toBuilder().addInitializer(OnnxTensors.fromTensor("b", Tensor.of(new float[] {1, 2}, 2)))
                .addInitializer(int64("shape", new long[] {2}, 3, 2))
                .addInitializer(OnnxTensors.fromTensor("half", Tensor.scalar(0.5f)))
                .addInitializer(OnnxTensors.fromTensor("lo", Tensor.scalar(-1))).addInitializer(OnnxTensors.fromTensor("hi", Tensor.scalar(2.5f)))).build();
        OnnxModel onnx = OnnxImporter.fromProto(m, "t", null);
        assertThat(onnx.model().parameters()).containsOnlyKeys("times.w", "plus.b");
        assertThat(onnx.model().parameters().get("times.w").shape()).containsExactly(3, 2);
        // x (1, 3) times w (3, 2) = (x0 + x2, x1 + x2), plus b (1, 2), halved, clipped to [-1, 2.5].
        assertThat(onnx.run(Tensor.of(new float[] {-2, 1, 1}, 1, 3))[0].data()).containsExactly(0f, 2f);
        assertThat(onnx.run(Tensor.of(new float[] {4, 1, 1}, 1, 3))[0].data()).containsExactly(2.5f, 2f);
    }

    @Test
    void aConstantAddedToAModelInputIsNoBias() {
        ModelProto m = model(13, List.of(node("Add", "plus", List.of("x", "c"), List.of("y"))), "x", "y", 1, 3);
        m = m.toBuilder().setGraph(m.getGraph().toBuilder().addInitializer(OnnxTensors.fromTensor("c", Tensor.of(new float[] {1, 2, 3}, 3)))).build();
        OnnxModel onnx = OnnxImporter.fromProto(m, "t", null);
        assertThat(onnx.model().parameters()).isEmpty();
        assertThat(onnx.run(Tensor.of(new float[] {1, 1, 1}, 1, 3))[0].data()).containsExactly(2, 3, 4);
    }

    @Test
    void smallCnnWithDynamicBatchMatchesTheSameOpsAndPredictsInBatches() {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor w1 = Tensor.randn(rng, 4, 1, 3, 3), b1 = Tensor.randn(rng, 4), w2 = Tensor.randn(rng, 10, 64), b2 = Tensor.randn(rng, 10);
        List<NodeProto> nodes = List.of(
                node("Conv", "conv", List.of("x", "w1", "b1"), List.of("c"), ints("pads", 1, 1, 1, 1), ints("kernel_shape", 3, 3)),
                node("Relu", "relu", List.of("c"), List.of("r")),
                node("MaxPool", "pool", List.of("r"), List.of("p"), ints("kernel_shape", 2, 2), ints("strides", 2, 2)),
                node("Shape", "shape", List.of("p"), List.of("s")),
                node("Gather", "batch", List.of("s", "zero"), List.of("n")),
                node("Unsqueeze", "unsqueeze", List.of("n", "axes"), List.of("n1")),
                node("Concat", "target", List.of("n1", "minus1"), List.of("t"), ints("axis", 0)),
                node("Reshape", "flatten", List.of("p", "t"), List.of("f")),
                node("Gemm", "dense", List.of("f", "w2", "b2"), List.of("z"), ints("transB", 1)),
                node("Softmax", "softmax", List.of("z"), List.of("y")));
        ModelProto m = model(13, nodes, "x", "y", -1, 1, 8, 8);
        m = m.toBuilder().setGraph(m.getGraph().toBuilder()
                .addInitializer(OnnxTensors.fromTensor("w1", w1)).addInitializer(OnnxTensors.fromTensor("b1", b1))
                .addInitializer(OnnxTensors.fromTensor("w2", w2)).addInitializer(OnnxTensors.fromTensor("b2", b2))
                .addInitializer(int64("zero", new long[0], 0)).addInitializer(int64("axes", new long[] {1}, 0))
                .addInitializer(int64("minus1", new long[] {1}, -1))).build();
        OnnxModel onnx = OnnxImporter.fromProto(m, "cnn", null);
        assertThat(onnx.model().parameterCount()).isEqualTo(4 * 9 + 4 + 640 + 10);
        assertThat(onnx.model().outputShape()).containsExactly(10);

        Tensor x = Tensor.randn(rng, 3, 1, 8, 8);
        Tensor h = dev.beak.ops.Ops.maxPool2d(dev.beak.ops.Ops.relu(dev.beak.ops.Ops.conv2d(x, w1, b1, 1, dev.beak.ops.Padding.of(1))),
                2, 2, 2, 2, dev.beak.ops.Padding.VALID);
        Tensor expected = dev.beak.ops.Ops.softmax(dev.beak.ops.Ops.dense(dev.beak.ops.Ops.flatten(h), dev.beak.ops.Ops.transpose(w2), b2));
        float[] got = onnx.run(x)[0].data();
        for (int i = 0; i < got.length; i++) assertThat(got[i]).isCloseTo(expected.data()[i], org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(onnx.model().predict(x, 2).data()).containsExactly(got);
    }

    @Test
    void theTableHasNoOverlapsAndPlannedOpsAreNotInIt() {
        var rows = OnnxOps.table();
        for (int i = 0; i < rows.size(); i++) {
            OnnxOps.Entry a = rows.get(i);
            assertThat(OnnxOps.PLANNED).doesNotContain(a.opType());
            assertThat(a.since()).isLessThanOrEqualTo(a.until());
            for (int j = i + 1; j < rows.size(); j++) {
                OnnxOps.Entry b = rows.get(j);
                boolean overlap = a.opType().equals(b.opType()) && a.since() <= b.until() && b.since() <= a.until();
                assertThat(overlap).as("%s rows overlap", a.opType()).isFalse();
            }
        }
    }

    // ---- building models with the generated classes ---------------------------------------------

    static ModelProto model(int opset, List<NodeProto> nodes, String in, String out, long... inDims) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addAllNode(nodes).addInput(value(in, inDims)).addOutput(value(out));
        return ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(g).build();
    }

    static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : dims) {
            s.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N") : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }

    static NodeProto node(String op, String name, List<String> in, List<String> out, AttributeProto... attributes) {
        return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(in).addAllOutput(out).addAllAttribute(List.of(attributes)).build();
    }

    static AttributeProto ints(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) a.addInts(v);
        return a.build();
    }

    /** A Constant node whose output {@code name} is {@code value}. */
    static NodeProto constantNode(String name, Tensor value) {
        AttributeProto v = AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                .setT(OnnxTensors.fromTensor(name, value)).build();
        return node("Constant", name + "_constant", List.of(), List.of(name), v);
    }

    static TensorProto int64(String name, long[] dims, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE);
        for (long d : dims) t.addDims(d);
        for (long v : values) t.addInt64Data(v);
        return t.build();
    }
}
