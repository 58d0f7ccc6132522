package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static dev.beak.onnx.OnnxImporterTest.ints;
import static dev.beak.onnx.OnnxImporterTest.model;
import static dev.beak.onnx.OnnxImporterTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The inference plan (folded batch norms and per-channel Mul/Add, fused ReLUs) against the graph as imported. */
class OnnxInferencePlanTest {
    private final SplittableRandom rng = new SplittableRandom(7);

    /** Conv -> BatchNorm -> Mul -> Add -> Relu, then BatchNorm -> Mul -> Relu on its own, a grouped Conv -> BatchNorm, and a shared Conv output. */
    @Test
    void foldedChainsMatchTheGraph() {
        int c = 4, f = 6;
        List<NodeProto> nodes = List.of(
                node("Conv", "conv", List.of("x", "w", "cb"), List.of("c1"), ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1)),
                node("BatchNormalization", "bn", List.of("c1", "s", "b", "m", "v"), List.of("b1")),
                node("Mul", "mul", List.of("k", "b1"), List.of("m1")),
                node("Add", "add", List.of("m1", "t"), List.of("a1")),
                node("Relu", "relu", List.of("a1"), List.of("r1")),
                node("BatchNormalization", "bn2", List.of("r1", "s", "b", "m", "v"), List.of("b2")),
                node("Mul", "mul2", List.of("b2", "k"), List.of("m2")),
                node("Relu", "relu2", List.of("m2"), List.of("r2")),
                node("Conv", "gconv", List.of("r2", "gw"), List.of("g1"), ints("kernel_shape", 1, 1), ints("group", 2)),
                node("BatchNormalization", "bn3", List.of("g1", "s", "b", "m", "v"), List.of("b3")),
                node("Add", "join", List.of("b3", "g1"), List.of("y")));
        ModelProto m = model(13, nodes, "x", "y", 2, c, 7, 5);
        m = m.toBuilder().setGraph(m.getGraph().toBuilder().addAllInitializer(List.of(
                random("w", f, c, 3, 3), random("cb", f), positive("s", f), random("b", f), random("m", f), positive("v", f),
                random("k", f, 1, 1), random("t", 1, f, 1, 1), random("gw", f, f / 2, 1, 1)))).build();
        OnnxModel onnx = OnnxImporter.fromProto(m, "chain", null);
        Tensor x = Tensor.randn(rng, 2, c, 7, 5);
        assertClose(onnx, x);
        assertThat(OnnxInferencePlan.of(onnx.model()).foldedNodes()).isEqualTo(6);   // bn, mul, add, relu; mul2, relu2 (bn3 has two readers' input)
    }

    /**
     * Residual Adds join the convolution before them when their other input is computed earlier: a basic
     * block (Conv-BN-Relu-Conv-BN, plus the block's input, Relu), a projection shortcut that comes after
     * the main branch in node order (only the later convolution can take the Add), and an addend that
     * broadcasts (a pooled (N, C, 1, 1) value: added after the product instead); Sum of two as Add.
     */
    @Test
    void residualAddsJoinTheConvolution() {
        int c = 4;
        List<NodeProto> nodes = List.of(
                node("Conv", "conv1", List.of("x", "w1"), List.of("c1"), ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1)),
                node("BatchNormalization", "bn1", List.of("c1", "s", "b", "m", "v"), List.of("b1")),
                node("Relu", "relu1", List.of("b1"), List.of("r1")),
                node("Conv", "conv2", List.of("r1", "w2", "cb"), List.of("c2"), ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1)),
                node("BatchNormalization", "bn2", List.of("c2", "s", "b", "m", "v"), List.of("b2")),
                node("Add", "add1", List.of("b2", "x"), List.of("a1")),
                node("Relu", "relu2", List.of("a1"), List.of("y1")),
                node("Conv", "main", List.of("y1", "w3"), List.of("c3"), ints("kernel_shape", 1, 1)),
                node("Conv", "projection", List.of("y1", "w4", "cb"), List.of("p")),
                node("Sum", "add2", List.of("c3", "p"), List.of("a2")),
                node("Relu", "relu3", List.of("a2"), List.of("y2")),
                node("GlobalAveragePool", "pool", List.of("y2"), List.of("g")),
                node("Conv", "conv5", List.of("y2", "w5"), List.of("c5"), ints("kernel_shape", 1, 1)),
                node("Add", "add3", List.of("g", "c5"), List.of("y")));
        ModelProto m = model(13, nodes, "x", "y", 2, c, 7, 5);
        m = m.toBuilder().setGraph(m.getGraph().toBuilder().addAllInitializer(List.of(
                random("w1", c, c, 3, 3), random("w2", c, c, 3, 3), random("cb", c), positive("s", c), random("b", c), random("m", c),
                positive("v", c), random("w3", c, c, 1, 1), random("w4", c, c, 1, 1), random("w5", c, c, 1, 1)))).build();
        OnnxModel onnx = OnnxImporter.fromProto(m, "residual", null);
        assertClose(onnx, Tensor.randn(rng, 2, c, 7, 5));
        assertClose(onnx, Tensor.randn(rng, 1, c, 7, 5));
        // bn1, relu1; bn2, add1, relu2; add2, relu3 (into the projection); add3 (broadcast, after the product).
        assertThat(OnnxInferencePlan.of(onnx.model()).foldedNodes()).isEqualTo(8);
    }

    /** Fitting through {@code onnx.model()} changes the weights in place: the next run folds the new ones, with no call to remember. */
    @Test
    void thePlanFollowsTheWeightsAfterFitting() {
        int c = 2, f = 3;
        List<NodeProto> nodes = List.of(
                node("Conv", "conv", List.of("x", "w", "cb"), List.of("c1"), ints("kernel_shape", 3, 3)),
                node("BatchNormalization", "bn", List.of("c1", "s", "b", "m", "v"), List.of("b1")),
                node("Relu", "relu", List.of("b1"), List.of("r1")),
                node("Flatten", "flatten", List.of("r1"), List.of("y")));
        ModelProto m = model(13, nodes, "x", "y", 1, c, 5, 5);
        m = m.toBuilder().setGraph(m.getGraph().toBuilder().addAllInitializer(List.of(
                random("w", f, c, 3, 3), random("cb", f), positive("s", f), random("b", f), random("m", f), positive("v", f)))).build();
        OnnxModel onnx = OnnxImporter.fromProto(m, "fit", null);
        Tensor x = Tensor.randn(rng, 4, c, 5, 5);
        Tensor before = onnx.run(x)[0];
        float[] labels = {0, 1, 2, 3};
        var data = new dev.beak.dataset.TensorDataset(x, Tensor.of(labels, 4));
        onnx.model().compile(new dev.beak.nn.optim.Sgd(0.5, 0), new dev.beak.nn.loss.CrossEntropy());
        onnx.model().fit(data, dev.beak.nn.train.FitOptions.epochs(2).batchSize(4));
        Tensor after = onnx.run(x)[0];
        assertThat(after.data()).isNotEqualTo(before.data());
        assertClose(onnx, x);
    }

    /** Every network of ../shared/bench/onnx-models: the plan's outputs within 1e-5 of the graph's (relative to the largest). */
    @ParameterizedTest
    @ValueSource(strings = {"bvlc_alexnet", "densenet121", "inception_v1", "inception_v2", "resnet50", "shufflenet", "squeezenet", "vgg19", "zfnet512"})
    void benchNetworksMatchTheGraph(String name) throws IOException {
        Path file = null;
        for (Path root : new Path[] {Path.of("..", "..", "shared"), Path.of("..", "shared")}) {
            Path f = root.resolve("bench/onnx-models/" + name + "/model.onnx");
            if (Files.isRegularFile(f)) file = f;
        }
        assumeTrue(file != null, "../shared/bench/onnx-models is not here");
        OnnxModel onnx = OnnxImporter.load(file);
        float[] d = new float[3 * 224 * 224];
        Random r = new Random(42);
        for (int i = 0; i < d.length; i++) d[i] = r.nextFloat();
        assertClose(onnx, Tensor.of(d, 1, 3, 224, 224));
    }

    private static void assertClose(OnnxModel onnx, Tensor x) {
        Tensor[] want;
        try (var scope = Autograd.noGrad()) {
            want = onnx.forward(false, x);
        }
        Tensor[] got = onnx.run(x);
        assertThat(got).hasSameSizeAs(want);
        for (int k = 0; k < got.length; k++) {
            assertThat(got[k].shape()).containsExactly(want[k].shape());
            double scale = 0;
            for (float v : want[k].data()) scale = Math.max(scale, Math.abs(v));
            for (int i = 0; i < got[k].size(); i++) {
                assertThat((double) got[k].data()[i]).as("output %d at %d", k, i).isCloseTo(want[k].data()[i],
                        org.assertj.core.api.Assertions.within(1e-5 * scale + 1e-30));
            }
        }
    }

    private TensorProto random(String name, int... dims) {
        float[] v = new float[java.util.Arrays.stream(dims).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) v[i] = (float) (rng.nextDouble() * 2 - 1);
        return OnnxTensors.fromTensor(name, Tensor.of(v, dims));
    }

    private TensorProto positive(String name, int... dims) {
        float[] v = new float[java.util.Arrays.stream(dims).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) v[i] = (float) (0.5 + rng.nextDouble());
        return OnnxTensors.fromTensor(name, Tensor.of(v, dims));
    }
}
