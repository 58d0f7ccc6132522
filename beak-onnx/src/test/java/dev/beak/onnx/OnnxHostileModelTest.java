package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.beak.onnx.OnnxImporterTest.int64;
import static dev.beak.onnx.OnnxImporterTest.ints;
import static dev.beak.onnx.OnnxImporterTest.model;
import static dev.beak.onnx.OnnxImporterTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Small crafted ONNX files that once hung the importer, exhausted the heap or ended in a raw JDK
 * exception: each must now fail fast with one {@link OnnxImportException} naming the node (or a
 * {@link dev.beak.data.DataFileException} naming the file) and what was wrong.
 */
class OnnxHostileModelTest {
    private static final long HUGE = (1L << 31) - 1;

    @Test
    void lpPoolWithAKernelOf2To31FailsAtOnce() {
        ModelProto m = model(18, List.of(node("LpPool", "lp", List.of("x"), List.of("y"), ints("kernel_shape", HUGE, HUGE))),
                "x", "y", 1, 1, 4, 4);
        assertInvalid(m, "lp", "kernel");
    }

    @Test
    void zeroStridesNegativePadsAndZeroKernelsAreRefused() {
        assertInvalid(model(18, List.of(node("AveragePool", "ap", List.of("x"), List.of("y"), ints("kernel_shape", 2, 2),
                ints("strides", 0, 1))), "x", "y", 1, 1, 4, 4), "ap", "strides");
        assertInvalid(model(18, List.of(node("MaxPool", "mp", List.of("x"), List.of("y"), ints("kernel_shape", 2, 2),
                ints("pads", -3, 0, 0, 0))), "x", "y", 1, 1, 4, 4), "mp", "pads");
        assertInvalid(model(18, List.of(node("AveragePool", "ap0", List.of("x"), List.of("y"), ints("kernel_shape", 0, 2))),
                "x", "y", 1, 1, 4, 4), "ap0", "kernel");
        assertInvalid(model(18, List.of(node("MaxPool", "mp2", List.of("x"), List.of("y"), ints("kernel_shape", 2, 2),
                ints("pads", HUGE, HUGE, HUGE, HUGE))), "x", "y", 1, 1, 4, 4), "mp2", "pads");
    }

    @Test
    void constantOfShapeOfAHugeShapeIsRefusedBeforeAllocating() {
        ModelProto m = withInitializer(model(13, List.of(
                node("ConstantOfShape", "big", List.of("s"), List.of("c")),
                node("Add", "add", List.of("x", "c"), List.of("y"))), "x", "y", 1),
                int64("s", new long[] {2}, 1L << 15, 1L << 14));
        assertInvalid(m, "big", "limit");
    }

    @Test
    void anInitializerClaiming2To31ValuesInFourBytesIsRefused() {
        TensorProto t = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(1L << 30)
                .setRawData(ByteString.copyFrom(new byte[4])).build();
        ModelProto m = withInitializer(model(13, List.of(node("Add", "add", List.of("x", "w"), List.of("y"))), "x", "y", 1), t);
        assertThatThrownBy(() -> OnnxImporter.fromProto(m, "m", null)).isInstanceOf(OnnxImportException.class)
                .hasMessageContaining("\"w\"").hasMessageContaining("limit");
        TensorProto small = t.toBuilder().setDims(0, 1L << 26).build();
        ModelProto m2 = withInitializer(model(13, List.of(node("Add", "add", List.of("x", "w"), List.of("y"))), "x", "y", 1), small);
        assertThatThrownBy(() -> OnnxImporter.fromProto(m2, "m", null)).isInstanceOf(OnnxImportException.class)
                .hasMessageContaining("\"w\"").hasMessageContaining("holds 1 values");
    }

    @Test
    void missingInputsNameTheNodeInsteadOfAnIndexError() {
        assertInvalid(model(13, List.of(node("Conv", "conv", List.of("x"), List.of("y"))), "x", "y", 1, 1, 4, 4), "conv", "needs at least 2 inputs");
        assertInvalid(model(13, List.of(node("Add", "add1", List.of("x"), List.of("y"))), "x", "y", 1, 4), "add1", "needs at least 2 inputs");
        assertInvalid(model(13, List.of(node("Gemm", "gemm", List.of("x"), List.of("y"))), "x", "y", 1, 4), "gemm", "needs at least 2 inputs");
        assertInvalid(model(13, List.of(node("BatchNormalization", "bn", List.of("x", "", "", "", ""), List.of("y"))), "x", "y", 1, 2, 2, 2),
                "bn", "input 1");
    }

    @Test
    void anExpandToAHugeShapeIsRefused() {
        ModelProto m = withInitializer(model(13, List.of(node("Expand", "ex", List.of("x", "s"), List.of("y"))), "x", "y", 1),
                int64("s", new long[] {3}, 1L << 15, 1L << 15, 1L << 10));
        assertInvalid(m, "ex", "more than 2^31");
    }

    @Test
    void aGarbageFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("junk.onnx");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 1, 2, 3});
        assertThatThrownBy(() -> OnnxImporter.load(f)).hasMessageContaining("junk.onnx");
    }

    private static ModelProto withInitializer(ModelProto m, TensorProto t) {
        GraphProto g = m.getGraph().toBuilder().addInitializer(t).build();
        return m.toBuilder().setGraph(g).build();
    }

    private static void assertInvalid(ModelProto m, String node, String what) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> {
            OnnxModel model = OnnxImporter.fromProto(m, "m", null);
            model.run(Tensor.zeros(1, 1, 4, 4));
        }).isInstanceOf(OnnxImportException.class).hasMessageContaining("\"" + node + "\"").hasMessageContaining(what));
    }
}
