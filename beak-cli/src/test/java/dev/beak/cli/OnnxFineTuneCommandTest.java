package dev.beak.cli;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.beak.onnx.OnnxTensors;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path a user takes with a pretrained ONNX network: {@code beak train --model net.onnx --out
 * tuned.beak}, then {@code evaluate} and {@code summary} on the saved file, which holds the imported
 * graph as ordinary layers.
 */
class OnnxFineTuneCommandTest {
    @TempDir Path dir;

    @Test
    void anImportedNetworkFineTunesSavesAndIsEvaluatedFromItsFile() throws IOException {
        Path onnx = dir.resolve("mnist-cnn.onnx");
        Files.write(onnx, mnistCnn(new SplittableRandom(11)).toByteArray());
        Path tuned = dir.resolve("tuned.beak");
        CliRun train = beak("train", "--model", onnx.toString(), "--epochs", "1", "--out", tuned.toString(), "--json");
        assertThat(train.code()).as(train.out()).isZero();
        CliRun evaluate = beak("evaluate", tuned.toString(), "--json");
        assertThat(evaluate.code()).as(evaluate.out()).isZero();
        // The loaded file computes what the trained model computed: the same test figures, to the last digit.
        assertThat(figure(evaluate.out(), "test_accuracy")).isEqualTo(figure(train.out(), "test_accuracy"));
        assertThat(figure(evaluate.out(), "test_loss")).isEqualTo(figure(train.out(), "test_loss"));
        assertThat(Double.parseDouble(figure(evaluate.out(), "test_accuracy"))).isGreaterThan(0.5);
        CliRun summary = beak("summary", tuned.toString());
        assertThat(summary.code()).isZero();
        assertThat(summary.out()).contains("conv (Conv)", "(None, 4, 26, 26)", "dense (Gemm)", "(None, 10)", "Trainable params: 6,810");
    }

    /** An ONNX file as a transfer base (its node names are the layer names) and as a model that evaluate and predict take directly. */
    @Test
    void anImportedNetworkIsATransferBaseAndScoresImageFiles() throws IOException {
        Path onnx = dir.resolve("mnist-cnn.onnx");
        Files.write(onnx, mnistCnn(new SplittableRandom(11)).toByteArray());
        CliRun evaluate = beak("evaluate", onnx.toString(), "--json");
        assertThat(evaluate.code()).as(evaluate.out()).isZero();
        assertThat(evaluate.out()).contains("\"samples\":2000");

        java.awt.image.BufferedImage digit = new java.awt.image.BufferedImage(56, 56, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        digit.createGraphics().fillRect(24, 8, 8, 40);
        Path png = dir.resolve("one.png");
        javax.imageio.ImageIO.write(digit, "png", png.toFile());
        CliRun predict = beak("predict", onnx.toString(), png.toString(), "--top", "3", "--json");
        assertThat(predict.code()).as(predict.out()).isZero();
        assertThat(predict.out()).contains("\"input\":\"28x28 grey (crop), pixels 0..1\"").containsPattern("\"top\":\\[(\\{[^}]*\\},?){3}\\]");

        Path out = dir.resolve("from-onnx.beak");
        CliRun train = beak("train", "--base", onnx.toString(), "--head", "dense:16,relu", "--freeze-base", "--epochs", "1",
                "--out", out.toString(), "--json");
        assertThat(train.code()).as(train.out()).isZero();
        assertThat(train.out()).contains("up to flatten (frozen)").contains("\"classes\":10");
        CliRun summary = beak("summary", out.toString());
        assertThat(summary.out()).contains("conv (Conv)").contains("dense_1 (Dense)").contains("Non-trainable params: 40");
    }

    private static String figure(String out, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE]+)").matcher(out);
        assertThat(m.find()).as(key + " in " + out).isTrue();
        return m.group(1);
    }

    /** Conv 3x3 (4 filters), Relu, MaxPool 2x2, Flatten, Gemm to 10 logits: an ONNX file as exporters write it (opset 13). */
    static ModelProto mnistCnn(SplittableRandom rng) {
        Tensor w = Tensor.randn(rng, 4, 1, 3, 3), b = Tensor.zeros(4), dense = Tensor.randn(rng, 10, 676), bias = Tensor.zeros(10);
        for (int i = 0; i < dense.size(); i++) dense.data()[i] *= 0.05f;
        GraphProto g = GraphProto.newBuilder().setName("mnist")
                .addNode(node("Conv", "conv", List.of("x", "w", "b"), "c", ints("kernel_shape", 3, 3)))
                .addNode(node("Relu", "relu", List.of("c"), "r"))
                .addNode(node("MaxPool", "pool", List.of("r"), "p", ints("kernel_shape", 2, 2), ints("strides", 2, 2)))
                .addNode(node("Flatten", "flatten", List.of("p"), "f"))
                .addNode(node("Gemm", "dense", List.of("f", "dense_w", "dense_b"), "y",
                        AttributeProto.newBuilder().setName("transB").setType(AttributeProto.AttributeType.INT).setI(1).build()))
                .addInitializer(OnnxTensors.fromTensor("w", w)).addInitializer(OnnxTensors.fromTensor("b", b))
                .addInitializer(OnnxTensors.fromTensor("dense_w", dense)).addInitializer(OnnxTensors.fromTensor("dense_b", bias))
                .addInput(value("x", 1, 1, 28, 28)).addOutput(value("y", 1, 10)).build();
        return ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(g).build();
    }

    private static NodeProto node(String op, String name, List<String> in, String out, AttributeProto... attributes) {
        return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(in).addOutput(out).addAllAttribute(List.of(attributes)).build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) a.addInts(v);
        return a.build();
    }

    private static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : dims) s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }
}
