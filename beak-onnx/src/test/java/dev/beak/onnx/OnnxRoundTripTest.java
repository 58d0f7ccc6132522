package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.beak.nn.optim.Sgd;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ONNX to Beak to ONNX: an imported file written back runs in ONNX Runtime as the original does (or, for
 * old opsets ONNX Runtime dropped, gives the ONNX test data's reference outputs), and a fine-tuned import exports its new weights.
 */
class OnnxRoundTripTest {
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "onnx-pytorch-converted, test_Conv2d", "onnx-pytorch-converted, test_Conv2d_groups", "onnx-pytorch-converted, test_Conv1d_dilated",
            "onnx-pytorch-converted, test_ConvTranspose2d", "onnx-pytorch-converted, test_BatchNorm2d_eval", "onnx-pytorch-converted, test_BatchNorm1d_3d_input_eval",
            "onnx-pytorch-converted, test_PReLU_2d_multiparam", "onnx-pytorch-converted, test_Softmax", "onnx-pytorch-converted, test_log_softmax_dim3",
            "onnx-pytorch-converted, test_softmax_functional_dim3", "onnx-pytorch-converted, test_AvgPool2d_stride", "onnx-pytorch-converted, test_MaxPool1d_stride",
            "onnx-pytorch-converted, test_AvgPool1d", "onnx-pytorch-converted, test_ConstantPad2d", "onnx-pytorch-converted, test_ReflectionPad2d",
            "onnx-pytorch-converted, test_Linear", "onnx-pytorch-converted, test_Linear_no_bias", "onnx-pytorch-converted, test_GLU",
            "onnx-pytorch-converted, test_SELU", "onnx-pytorch-converted, test_ELU", "onnx-pytorch-operator, test_operator_clip",
            "onnx-pytorch-operator, test_operator_add_broadcast", "onnx-pytorch-operator, test_operator_chunk", "onnx-pytorch-operator, test_operator_index",
            "onnx-pytorch-operator, test_operator_reduced_mean_keepdim", "onnx-pytorch-operator, test_operator_symbolic_override",
            "onnx-node, test_lrn", "onnx-node, test_reshape_reordered_all_dims", "onnx-node, test_instancenorm_example", "onnx-node, test_split_variable_parts_2d_opset13", "onnx-node, test_resize_upsample_scales_linear", "onnx-node, test_averagepool_2d_ceil_last_window_starts_on_pad"})
    void writtenBackItRunsAsTheOriginal(String suite, String test) throws IOException {
        Path dir = Conformance.test(suite, test);
        byte[] original = Files.readAllBytes(dir.resolve("model.onnx"));
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; Files.exists(dir.resolve("test_data_set_0/input_" + i + ".pb")); i++) {
            inputs.add(OnnxTensors.toTensor(OnnxTensors.read(dir.resolve("test_data_set_0/input_" + i + ".pb"))));
        }
        Tensor[] x = inputs.toArray(Tensor[]::new);
        OnnxModel imported = OnnxImporter.fromProto(ModelProto.parseFrom(original), test, x);
        ModelProto exported = OnnxExporter.toProto(imported.model());
        assertThat(exported.getOpsetImport(0).getVersion()).isGreaterThanOrEqualTo(OnnxExporter.OPSET);
        // ONNX Runtime's outputs for the original file; where it no longer runs the file's old opset, the ONNX test data's reference outputs.
        List<Tensor> expected = new ArrayList<>();
        try {
            expected.addAll(List.of(Ort.run(original, x)));
        } catch (AssertionError notRunnable) {
            for (int o = 0; Files.exists(dir.resolve("test_data_set_0/output_" + o + ".pb")); o++) {
                expected.add(OnnxTensors.toTensor(OnnxTensors.read(dir.resolve("test_data_set_0/output_" + o + ".pb"))));
            }
        }
        Tensor[] actual = Ort.run(exported.toByteArray(), x);
        assertThat(actual).hasSize(expected.size());
        for (int o = 0; o < actual.length; o++) Ort.assertClose(test + " output " + o, actual[o], expected.get(o), 1e-4);
    }

    @Test
    void aFullNetworkAtOpset9WrittenBackRunsAsBeakRunsIt() throws IOException {
        Path file = bench("squeezenet");
        // At 64 x 64 pixels (SqueezeNet ends in a global pool) rather than 224, to keep the test fast.
        Tensor x = Tensor.randn(new SplittableRandom(2), 1, 3, 64, 64);
        OnnxModel imported = OnnxImporter.load(file, new Tensor[] {x});
        heWeights(imported.model(), 4);  // the file's weights are all 0.02; varied values make the check meaningful
        Tensor beak = imported.run(x)[0];
        Tensor exported = Ort.run(OnnxExporter.toProto(imported.model()).toByteArray(), x)[0];
        Ort.assertClose("squeezenet", exported, beak, 1e-4);
    }

    @Test
    void aFineTunedImportExportsItsNewWeights() throws IOException {
        OnnxModel onnx = OnnxImporter.load(Conformance.test("onnx-pytorch-converted", "test_Conv2d").resolve("model.onnx"));
        onnx.trainable(true);
        var params = onnx.model().parameters();
        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = Tensor.randn(rng, 2, 3, 7, 5), target = Tensor.randn(rng, 2, 4, 5, 4);
        Tensor before = onnx.run(x)[0];
        Sgd sgd = new Sgd(0.05, 0.0);
        for (int step = 0; step < 5; step++) {
            for (Tensor p : params.values()) p.zeroGrad();
            Tensor diff = Ops.sub(onnx.forward(true, x)[0], target);
            Ops.mean(Ops.mul(diff, diff)).backward();
            sgd.step(params.values());
        }
        onnx.weightsChanged();
        Tensor tuned = onnx.run(x)[0];
        Tensor exported = Ort.run(OnnxExporter.toProto(onnx.model()).toByteArray(), x)[0];
        Ort.assertClose("fine-tuned conv", exported, tuned, 1e-4);
        double moved = 0;
        for (int i = 0; i < tuned.size(); i++) moved = Math.max(moved, Math.abs(tuned.data()[i] - before.data()[i]));
        assertThat(moved).as("fine-tuning changed the outputs").isGreaterThan(1e-3);
    }

    @Test
    void anImportedBaseWithANewBeakHeadExportsAsOneGraph() throws IOException {
        OnnxModel base = OnnxImporter.load(Conformance.test("onnx-pytorch-converted", "test_Conv2d").resolve("model.onnx"));
        dev.beak.nn.Model head = dev.beak.nn.Sequential.of(dev.beak.nn.layer.Layers.batchNorm2d(), dev.beak.nn.layer.Layers.relu(),
                dev.beak.nn.layer.Layers.flatten(), dev.beak.nn.layer.Layers.dropout(0.5f), dev.beak.nn.layer.Layers.dense(3))
                .seed(1).withInputShape(base.model().outputShape());
        dev.beak.nn.Model model = base.model().followedBy(head);
        OnnxExportLayersTest.randomize(head, 9, false);
        Tensor x = Tensor.randn(new SplittableRandom(5), 2, 3, 7, 5);
        Tensor beak;
        try (var scope = dev.beak.autograd.Autograd.noGrad()) {
            beak = model.forward(x, false);
        }
        ModelProto proto = OnnxExporter.toProto(model);
        assertThat(proto.getGraph().getNodeList()).extracting(n -> n.getOpType()).containsExactly("Conv", "BatchNormalization", "Relu", "Flatten", "Gemm");
        Ort.assertClose("imported base + head", Ort.run(proto.toByteArray(), x)[0], beak, 1e-4);
    }

    /** Weights drawn from N(0, 2 / fan-in) (He et al., 2015), so that activations keep their scale through a deep network. */
    private static void heWeights(dev.beak.nn.Model model, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (Tensor t : model.parameters().values()) {
            double sd = Math.sqrt(2.0 / Math.max(1, t.size() / t.dim(0)));
            float[] d = t.data();
            for (int i = 0; i < d.length; i++) d[i] = (float) (r.nextGaussian() * sd);
        }
    }

    static Path bench(String name) {
        for (Path root : new Path[] {Path.of("..", "..", "shared", "bench", "onnx-models"), Path.of("..", "shared", "bench", "onnx-models")}) {
            Path f = root.resolve(name).resolve("model.onnx");
            if (Files.exists(f)) return f;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, "the bench ONNX models (../shared/bench/onnx-models) are not here");
        return null;
    }
}
