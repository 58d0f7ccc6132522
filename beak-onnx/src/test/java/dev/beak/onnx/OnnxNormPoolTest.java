package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static dev.beak.onnx.OnnxImporterTest.ints;
import static dev.beak.onnx.OnnxImporterTest.model;
import static dev.beak.onnx.OnnxImporterTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** Converted ops that the ONNX backend test folders do not cover: GlobalLpPool, Layer- and GroupNormalization, training-mode BatchNormalization. */
class OnnxNormPoolTest {
    private final SplittableRandom rng = new SplittableRandom(3);

    @Test
    void globalLpPoolIsThePNormOfEachPlane() {
        ModelProto m = model(13, List.of(node("GlobalLpPool", "g", List.of("x"), List.of("y"), ints("p", 3))), "x", "y", 2, 3, 2, 2);
        Tensor x = Tensor.randn(rng, 2, 3, 2, 2), y = OnnxImporter.fromProto(m, "t", null).run(x)[0];
        assertThat(y.shape()).containsExactly(2, 3, 1, 1);
        for (int pl = 0; pl < 6; pl++) {
            double s = 0;
            for (int i = 0; i < 4; i++) s += Math.pow(Math.abs(x.data()[pl * 4 + i]), 3);
            assertThat(y.data()[pl]).isCloseTo((float) Math.cbrt(s), offset(1e-5f));
        }
    }

    @Test
    void layerNormalizationNormalisesFromItsAxisOn() {
        float[] scale = {1, 2, 3, 4, 5, 6}, bias = {0, 1, 0, 1, 0, 1};
        ModelProto m = with(model(17, List.of(node("LayerNormalization", "ln", List.of("x", "s", "b"), List.of("y"), ints("axis", 1))),
                "x", "y", 2, 3, 2), float32("s", new long[] {3, 2}, scale), float32("b", new long[] {3, 2}, bias));
        Tensor x = Tensor.randn(rng, 2, 3, 2), y = OnnxImporter.fromProto(m, "t", null).run(x)[0];
        for (int n = 0; n < 2; n++) {
            double mean = 0, var = 0;
            for (int i = 0; i < 6; i++) mean += x.data()[n * 6 + i] / 6.0;
            for (int i = 0; i < 6; i++) var += Math.pow(x.data()[n * 6 + i] - mean, 2) / 6.0;
            for (int i = 0; i < 6; i++) {
                double want = scale[i] * (x.data()[n * 6 + i] - mean) / Math.sqrt(var + 1e-5) + bias[i];
                assertThat((double) y.data()[n * 6 + i]).isCloseTo(want, offset(1e-4));
            }
        }
    }

    @Test
    void groupNormalizationTakesScalesPerGroupAtOpset18AndPerChannelFrom21() {
        Tensor x = Tensor.randn(rng, 2, 4, 3);
        ModelProto perGroup = with(model(18, List.of(node("GroupNormalization", "gn", List.of("x", "s", "b"), List.of("y"), ints("num_groups", 2))),
                "x", "y", 2, 4, 3), float32("s", new long[] {2}, 2, 3), float32("b", new long[] {2}, 0, 1));
        ModelProto perChannel = with(model(21, List.of(node("GroupNormalization", "gn", List.of("x", "s", "b"), List.of("y"), ints("num_groups", 2))),
                "x", "y", 2, 4, 3), float32("s", new long[] {4}, 2, 2, 3, 3), float32("b", new long[] {4}, 0, 0, 1, 1));
        Tensor a = OnnxImporter.fromProto(perGroup, "t", null).run(x)[0], b = OnnxImporter.fromProto(perChannel, "t", null).run(x)[0];
        assertThat(a.data()).containsExactly(b.data());
        // Group 0 of sample 0: channels 0-1, six values, scale 2, bias 0.
        double mean = 0, var = 0;
        for (int i = 0; i < 6; i++) mean += x.data()[i] / 6.0;
        for (int i = 0; i < 6; i++) var += Math.pow(x.data()[i] - mean, 2) / 6.0;
        assertThat((double) a.data()[0]).isCloseTo(2 * (x.data()[0] - mean) / Math.sqrt(var + 1e-5), offset(1e-4));
    }

    @Test
    void trainingModeBatchNormalizationIsRejectedClearly() {
        NodeProto bn = node("BatchNormalization", "bn", List.of("x", "s", "b", "m", "v"), List.of("y", "rm", "rv"), ints("training_mode", 1));
        ModelProto m = with(model(15, List.of(bn), "x", "y", 2, 2, 3), float32("s", new long[] {2}, 1, 1), float32("b", new long[] {2}, 0, 0),
                float32("m", new long[] {2}, 0, 0), float32("v", new long[] {2}, 1, 1));
        assertThatThrownBy(() -> OnnxImporter.fromProto(m, "t", null))
                .isInstanceOfSatisfying(OnnxImportException.class, e -> assertThat(e.reason()).isEqualTo(OnnxImportException.Reason.UNSUPPORTED))
                .hasMessageContaining("training mode");
    }

    private static ModelProto with(ModelProto m, TensorProto... initializers) {
        return m.toBuilder().setGraph(m.getGraph().toBuilder().addAllInitializer(List.of(initializers))).build();
    }

    private static TensorProto float32(String name, long[] dims, float... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) t.addDims(d);
        for (float v : values) t.addFloatData(v);
        return t.build();
    }
}
