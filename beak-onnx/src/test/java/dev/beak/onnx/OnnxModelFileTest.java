package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.ModelFile;
import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.FitOptions;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.beak.onnx.OnnxImporterTest.constantNode;
import static dev.beak.onnx.OnnxImporterTest.ints;
import static dev.beak.onnx.OnnxImporterTest.model;
import static dev.beak.onnx.OnnxImporterTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Imported graphs are ordinary models: fine-tuned, saved and loaded again, they give the same outputs bit for bit. */
class OnnxModelFileTest {
    @TempDir Path dir;

    @Test
    void aFineTunedConformanceConvNetSavesAndLoadsBitForBit() throws IOException {
        OnnxModel onnx = OnnxImporter.load(Conformance.test("onnx-pytorch-converted", "test_Conv2d").resolve("model.onnx"));
        Map<String, Tensor> params = onnx.model().parameters();
        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = Tensor.randn(rng, 2, 3, 7, 5), target = Tensor.randn(rng, 2, 4, 5, 4);
        Sgd sgd = new Sgd(0.05, 0.0);
        for (int step = 0; step < 3; step++) {
            for (Tensor p : params.values()) p.zeroGrad();
            Tensor diff = Ops.sub(onnx.forward(true, x)[0], target);
            Ops.mean(Ops.mul(diff, diff)).backward();
            sgd.step(params.values());
        }
        Model back = saveAndLoad(onnx.model());
        assertThat(back.parameters().keySet()).containsExactlyElementsOf(params.keySet());
        for (var e : params.entrySet()) assertThat(back.parameters().get(e.getKey()).data()).containsExactly(e.getValue().data());
        assertThat(back.forward(x, false).data()).containsExactly(onnx.model().forward(x, false).data());
        assertThat(back.summary()).contains("Conv").contains("(None, 4, 5, 4)");
    }

    /** A CNTK-style graph: weights from Constant nodes (reshaped), biases as separate Adds; they train, save and load. */
    @Test
    void weightsFromConstantNodesTrainAndTravelInTheFile() throws IOException {
        SplittableRandom rng = new SplittableRandom(1);
        List<NodeProto> nodes = List.of(
                constantNode("conv_w", Tensor.randn(rng, 4, 1, 3, 3)),
                constantNode("conv_b", Tensor.zeros(1, 4, 1, 1)),
                node("Conv", "conv", List.of("x", "conv_w"), List.of("c"), ints("kernel_shape", 3, 3)),
                node("Add", "conv_bias", List.of("c", "conv_b"), List.of("cb")),
                node("Relu", "relu", List.of("cb"), List.of("r")),
                node("MaxPool", "pool", List.of("r"), List.of("p"), ints("kernel_shape", 2, 2), ints("strides", 2, 2)),
                node("Reshape", "flatten", List.of("p"), List.of("f"), ints("shape", -1, 36)),
                constantNode("dense_w_flat", Tensor.randn(rng, 36 * 3)),
                node("Reshape", "dense_w", List.of("dense_w_flat"), List.of("w"), ints("shape", 36, 3)),
                node("MatMul", "times", List.of("f", "w"), List.of("z")),
                constantNode("dense_b", Tensor.zeros(3)),
                node("Add", "plus", List.of("z", "dense_b"), List.of("y")));
        ModelProto m = model(1, nodes, "x", "y", 1, 1, 8, 8);
        Model net = OnnxImporter.fromProto(m, "cntk", null).model();
        assertThat(net.parameters()).containsOnlyKeys("conv.conv_w", "conv_bias.conv_b", "times.w", "plus.dense_b");
        assertThat(net.parameterCount()).isEqualTo(36 + 4 + 108 + 3);

        Tensor images = Tensor.randn(rng, 16, 1, 8, 8);
        float[] labels = new float[16];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 3;
        TensorDataset data = new TensorDataset(images, Tensor.of(labels, 16));
        net.compile(new Adam(1e-2), new CrossEntropy());
        double before = net.evaluate(data, 16).loss();
        net.fit(data, FitOptions.epochs(5).batchSize(8));
        assertThat(net.evaluate(data, 16).loss()).isLessThan(before);

        Model back = saveAndLoad(net);
        assertThat(back.forward(images, false).data()).containsExactly(net.forward(images, false).data());
        assertThat(back.parameterCount()).isEqualTo(net.parameterCount());
    }

    @Test
    void aLayerWithSeveralOutputsTravelsWithItsPorts() throws IOException {
        ModelProto m = model(18, List.of(node("Split", "split", List.of("x"), List.of("a", "b"), ints("axis", 1), ints("num_outputs", 2)),
                node("Sub", "diff", List.of("b", "a"), List.of("d"))), "x", "d", 2, 4);
        Model net = OnnxImporter.fromProto(m, "split", null).model();
        Model back = saveAndLoad(net);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 5, 5, 6, 7, 9}, 2, 4);
        assertThat(back.forward(x, false).data()).containsExactly(2, 3, 2, 3);
        assertThat(back.nodes().get(1).ports()).containsExactly(1, 0);
    }

    /** A full-size network whose weights the file computes with ConstantOfShape: they become parameters and survive the file. */
    @Test
    void aFullSizeBenchNetworkSavesAndLoads() throws IOException {
        Path file = null;
        for (Path root : new Path[] {Path.of("..", "..", "shared"), Path.of("..", "shared")}) {
            Path f = root.resolve("bench/onnx-models/squeezenet/model.onnx");
            if (Files.isRegularFile(f)) file = f;
        }
        assumeTrue(file != null, "../shared/bench/onnx-models is not here");
        Model net = OnnxImporter.load(file).model();
        assertThat(net.parameterCount()).isGreaterThan(1_000_000);
        Model back = saveAndLoad(net);
        Tensor x = Tensor.randn(new SplittableRandom(2), 1, 3, 224, 224);
        assertThat(back.forward(x, false).data()).containsExactly(net.forward(x, false).data());
        assertThat(back.outputShape()).containsExactly(net.outputShape());
    }

    private Model saveAndLoad(Model m) throws IOException {
        Path f = dir.resolve(m.name() + ".beak");
        ModelFile.save(m, f);
        return ModelFile.load(f).model();
    }
}
