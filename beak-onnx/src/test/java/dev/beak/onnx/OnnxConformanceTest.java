package dev.beak.onnx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A sample of the official ONNX backend tests, one per kind of op, imported and compared. */
class OnnxConformanceTest {
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "onnx-node, test_relu", "onnx-node, test_add_bcast", "onnx-node, test_conv_with_strides_padding",
            "onnx-node, test_maxpool_2d_same_lower", "onnx-node, test_gemm_all_attributes", "onnx-node, test_matmul_4d",
            "onnx-node, test_softmax_axis_0", "onnx-node, test_slice_neg_steps", "onnx-node, test_resize_upsample_scales_linear_align_corners",
            "onnx-node, test_reflect_pad", "onnx-node, test_depthtospace_crd_mode_example", "onnx-node, test_split_variable_parts_2d_opset18",
            "onnx-node, test_maxpool_with_argmax_2d_precomputed_pads", "onnx-node, test_reduce_mean_keepdims_random",
            "onnx-pytorch-converted, test_Conv1d_pad2", "onnx-pytorch-converted, test_Embedding",
            "onnx-pytorch-converted, test_Conv3d_dilated_strided", "onnx-node, test_maxpool_3d_dilations",
            "onnx-pytorch-operator, test_operator_view", "onnx-pytorch-operator, test_operator_chunk",
            // Layer-catalogue ops: pooling, transposed and grouped convolution, normalisation, activations.
            "onnx-node, test_averagepool_2d_ceil_last_window_starts_on_pad", "onnx-node, test_averagepool_2d_pads_count_include_pad",
            "onnx-node, test_averagepool_3d_dilations_large_count_include_pad_is_1_ceil_mode_is_True",
            "onnx-node, test_lppool_2d_dilations", "onnx-node, test_lppool_3d_default", "onnx-node, test_globalaveragepool",
            "onnx-node, test_maxpool_2d_ceil_output_size_reduce_by_one", "onnx-node, test_convtranspose_output_shape",
            "onnx-node, test_convtranspose_3d", "onnx-node, test_convtranspose_group_2", "onnx-pytorch-converted, test_Conv2d_depthwise_with_multiplier",
            "onnx-pytorch-converted, test_Conv3d_groups", "onnx-node, test_batchnorm_epsilon", "onnx-node, test_instancenorm_example",
            "onnx-node, test_lrn", "onnx-node, test_logsoftmax_axis_0", "onnx-pytorch-converted, test_log_softmax_dim3",
            "onnx-node, test_prelu_broadcast", "onnx-pytorch-converted, test_PReLU_2d_multiparam", "onnx-node, test_selu",
            "onnx-node, test_elu", "onnx-node, test_hardswish", "onnx-pytorch-converted, test_GLU_dim", "onnx-node, test_concat_3d_axis_negative_2"})
    void importsRunsAndMatches(String suite, String test) {
        OnnxConformance.Result r = OnnxConformance.check(Conformance.test(suite, test));
        assertThat(r.status()).as(r.line()).isEqualTo(OnnxConformance.Status.PASSED);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"onnx-node, test_resize_upsample_sizes_cubic, cubic",
            "onnx-node, test_div_int8, integer-typed arithmetic"})
    void skipsOnlyWithAReason(String suite, String test, String reason) {
        OnnxConformance.Result r = OnnxConformance.check(Conformance.test(suite, test));
        assertThat(r.status()).as(r.line()).isEqualTo(OnnxConformance.Status.SKIPPED);
        assertThat(r.detail()).contains(reason);
    }

    @Test
    void aWrongResultFailsWithTheLargestDifference(@TempDir Path dir) throws IOException {
        // test_relu's model and input with test_add's expected output (same shape, other values).
        Path relu = Conformance.test("onnx-node", "test_relu"), add = Conformance.test("onnx-node", "test_add");
        Files.createDirectories(dir.resolve("test_data_set_0"));
        Files.copy(relu.resolve("model.onnx"), dir.resolve("model.onnx"));
        Files.copy(relu.resolve("test_data_set_0/input_0.pb"), dir.resolve("test_data_set_0/input_0.pb"));
        Files.copy(add.resolve("test_data_set_0/output_0.pb"), dir.resolve("test_data_set_0/output_0.pb"));
        OnnxConformance.Result r = OnnxConformance.check(dir);
        assertThat(r.status()).isEqualTo(OnnxConformance.Status.FAILED);
        assertThat(r.line()).contains("values off, largest |diff|");
        assertThat(r.maxDiff()).isGreaterThan(0.5);
    }
}
