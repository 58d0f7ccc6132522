package dev.beak.ops;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue ops against the official ONNX operator tests in {@code shared/conformance/onnx-node}
 * and {@code onnx-pytorch-converted} (PyTorch modules exported to ONNX; names with a capital after {@code test_}) (raw little-endian inputs and expected outputs; attributes copied from each test's manifest).
 * Skipped where the data are not present.
 */
class OnnxConformanceTest {
    private static final Path ROOT = find();

    private static Path find() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared/conformance/onnx-node");
            if (Files.isDirectory(c)) return c;
            c = p.resolveSibling("shared/conformance/onnx-node");
            if (Files.isDirectory(c)) return c;
        }
        return null;
    }

    /** Runs {@code op} on the test's inputs (given shapes) and compares with output 0 (ONNX's rtol 1e-3). */
    private static void check(String test, Function<Tensor[], Tensor> op, int[]... inputShapes) {
        Assumptions.assumeTrue(ROOT != null, "no shared/conformance data");
        Path dir = (test.startsWith("test_") && Character.isUpperCase(test.charAt(5)) ? ROOT.resolveSibling("onnx-pytorch-converted") : ROOT)
                .resolve(test).resolve("test_data_set_0");
        Tensor[] in = new Tensor[inputShapes.length];
        for (int i = 0; i < in.length; i++) in[i] = Tensor.of(read(dir.resolve("input_" + i + ".raw")), inputShapes[i]);
        float[] expected = read(dir.resolve("output_0.raw")), actual = op.apply(in).data();
        assertThat(actual.length).as(test + ": output size").isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("%s: output[%d]", test, i)
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5 + 1e-3 * Math.abs(expected[i])));
        }
    }

    private static float[] read(Path p) {
        try {
            var fb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] a = new float[fb.remaining()];
            fb.get(a);
            return a;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + p, e);
        }
    }

    @Test
    void localResponseNorm() {
        check("test_lrn", t -> Ops.localResponseNorm(t[0], 3, 2e-4f, 0.5f, 2f), new int[] {5, 5, 5, 5});
        check("test_lrn_default", t -> Ops.localResponseNorm(t[0], 3, 1e-4f, 0.75f, 1f), new int[] {5, 5, 5, 5});
    }

    @Test
    void averagePool() {
        check("test_averagepool_2d_ceil", t -> Ops.avgPool2d(t[0], 3, 3, 2, 2, Padding.VALID, true, false), new int[] {1, 1, 4, 4});
        check("test_averagepool_2d_ceil_last_window_starts_on_pad", t -> Ops.avgPool2d(t[0], 3, 3, 3, 3, Padding.of(1), true, true), new int[] {1, 3, 2, 2});
        check("test_averagepool_2d_pads", t -> Ops.avgPool2d(t[0], 3, 3, 1, 1, Padding.of(2), false, false), new int[] {1, 3, 28, 28});
        check("test_averagepool_2d_pads_count_include_pad", t -> Ops.avgPool2d(t[0], 3, 3, 1, 1, Padding.of(2), false, true), new int[] {1, 3, 28, 28});
        check("test_averagepool_2d_same_upper", t -> Ops.avgPool2d(t[0], 2, 2, 1, 1, Padding.SAME, false, false), new int[] {1, 3, 32, 32});
        check("test_averagepool_1d_default", t -> Ops.avgPool1d(t[0], 2, 1, Padding.VALID, false, false), new int[] {1, 3, 32});
    }

    @Test
    void maxAndLpPool() {
        check("test_maxpool_2d_ceil", t -> Ops.maxPool2d(t[0], 3, 3, 2, 2, 1, 1, Padding.VALID, true), new int[] {1, 1, 4, 4});
        check("test_maxpool_2d_ceil_output_size_reduce_by_one", t -> Ops.maxPool2d(t[0], 1, 1, 2, 2, 1, 1, Padding.VALID, true), new int[] {1, 1, 2, 2});
        check("test_maxpool_2d_dilations", t -> Ops.maxPool2d(t[0], 2, 2, 1, 1, 2, 2, Padding.VALID, false), new int[] {1, 1, 4, 4});
        check("test_maxpool_1d_default", t -> Ops.maxPool1d(t[0], 2, 1, 1, Padding.VALID, false), new int[] {1, 3, 32});
        check("test_lppool_2d_default", t -> Ops.lpPool2d(t[0], 4f, 2, 2, 1, 1, Padding.VALID, false), new int[] {1, 3, 32, 32});
        check("test_lppool_2d_pads", t -> Ops.lpPool2d(t[0], 3f, 3, 3, 1, 1, Padding.of(2), false), new int[] {1, 3, 28, 28});
        check("test_lppool_2d_dilations", t -> LpPool2dOp.apply(t[0], 2f, Window2d.of(t[0].shape(), 2, 2, 1, 1, 2, 2, Padding.VALID)), new int[] {1, 1, 4, 4});
        check("test_lppool_1d_default", t -> Ops.lpPool1d(t[0], 3f, 2, 1, Padding.VALID, false), new int[] {1, 3, 32});
        check("test_globalaveragepool", t -> Ops.globalAvgPool(t[0]), new int[] {1, 3, 5, 5});
        check("test_globalmaxpool", t -> Ops.globalMaxPool(t[0]), new int[] {1, 3, 5, 5});
    }

    @Test
    void convTranspose() {
        int[] none = {0, 0, 0, 0}, noOut = {0, 0};
        check("test_convtranspose", t -> Ops.convTranspose2d(t[0], t[1], null, 1, 1, 1, 1, none, noOut, 1), new int[] {1, 1, 3, 3}, new int[] {1, 2, 3, 3});
        check("test_convtranspose_1d", t -> Ops.convTranspose1d(t[0], t[1], null, 1, 1, 0, 0, 0, 1), new int[] {1, 1, 3}, new int[] {1, 2, 3});
        check("test_convtranspose_dilations", t -> Ops.convTranspose2d(t[0], t[1], null, 1, 1, 2, 2, none, noOut, 1), new int[] {1, 1, 3, 3}, new int[] {1, 1, 2, 2});
        check("test_convtranspose_group_2", t -> Ops.convTranspose2d(t[0], t[1], null, 1, 1, 1, 1, none, noOut, 2), new int[] {1, 2, 3, 3}, new int[] {2, 1, 3, 3});
        check("test_convtranspose_group_2_image_3", t -> Ops.convTranspose2d(t[0], t[1], null, 1, 1, 1, 1, none, noOut, 2), new int[] {3, 2, 3, 3}, new int[] {2, 1, 3, 3});
        // ONNX pads [1, 2, 1, 2] are (top, left, bottom, right).
        check("test_convtranspose_pads", t -> Ops.convTranspose2d(t[0], t[1], null, 3, 2, 1, 1, new int[] {1, 1, 2, 2}, noOut, 1), new int[] {1, 1, 3, 3}, new int[] {1, 2, 3, 3});
        check("test_convtranspose_kernel_shape", t -> Ops.convTranspose2d(t[0], t[1], null, 3, 2, 1, 1, none, new int[] {1, 1}, 1), new int[] {1, 1, 3, 3}, new int[] {1, 2, 3, 3});
    }

    @Test
    void normalisation() {
        int[] x = {2, 3, 4, 5}, c = {3};
        check("test_batchnorm_example", t -> Ops.batchNormEval(t[0], t[1], t[2], t[3], t[4], 1e-5f), x, c, c, c, c);
        check("test_batchnorm_epsilon", t -> Ops.batchNormEval(t[0], t[1], t[2], t[3], t[4], 1e-2f), x, c, c, c, c);
        check("test_instancenorm_example", t -> Ops.instanceNorm(t[0], t[1], t[2], 1e-5f), new int[] {1, 2, 1, 3}, new int[] {2}, new int[] {2});
        check("test_instancenorm_epsilon", t -> Ops.instanceNorm(t[0], t[1], t[2], 1e-2f), x, c, c);
    }

    @Test
    void activations() {
        int[] s = {3, 4, 5};
        check("test_hardsigmoid", t -> Ops.hardSigmoid(t[0], 0.5f, 0.6f), s);
        check("test_hardsigmoid_default", t -> Ops.hardSigmoid(t[0], 0.2f, 0.5f), s);
        check("test_hardswish", t -> Ops.hardSwish(t[0]), s);
        check("test_selu_default", t -> Ops.selu(t[0]), s);
        check("test_elu", t -> Ops.elu(t[0], 2f), s);
        check("test_leakyrelu", t -> Ops.leakyRelu(t[0], 0.1f), s);
        check("test_softplus", t -> Ops.softplus(t[0]), s);
        check("test_sigmoid", t -> Ops.sigmoid(t[0]), s);
        check("test_tanh", t -> Ops.tanh(t[0]), s);
        check("test_logsoftmax_default_axis", t -> Ops.logSoftmax(t[0]), s);
        check("test_logsoftmax_large_number", t -> Ops.logSoftmax(t[0]), new int[] {2, 4});
    }

    @Test
    void pytorchModules() {
        check("test_MaxPool2d", t -> Ops.maxPool2d(t[0], 3, 3, 2, 2, 1, 1, Padding.of(1), false), new int[] {1, 3, 7, 7});
        check("test_MaxPool1d_stride_padding_dilation", t -> Ops.maxPool1d(t[0], 200, 10, 10, new Padding.Explicit(0, 0, 100, 100), false),
                new int[] {1, 1, 220000});
        check("test_MaxPool2d_stride_padding_dilation", t -> Ops.maxPool2d(t[0], 60, 80, 10, 10, 10, 10, new Padding.Explicit(10, 10, 20, 20), false),
                new int[] {1, 1, 1000, 1000});
        check("test_AvgPool1d", t -> Ops.avgPool1d(t[0], 2, 2, Padding.VALID, false, true), new int[] {2, 3, 6});
        check("test_ELU", t -> Ops.elu(t[0], 2f), new int[] {3, 2, 5});
        check("test_SELU", t -> Ops.selu(t[0]), new int[] {3, 2, 5});
        check("test_LeakyReLU_with_negval", t -> Ops.leakyRelu(t[0], 0.5f), new int[] {3, 2, 5});
        check("test_LogSoftmax", t -> Ops.logSoftmax(t[0]), new int[] {10, 20});
        check("test_Softplus", t -> Ops.softplus(t[0]), new int[] {10, 20});
    }
}
