package dev.beak.onnx;

import dev.beak.nn.ModelProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Imported Conv and Gemm nodes have multiply-adds in the summary's convention. */
class OnnxProfileTest {
    @Test
    void convAndGemmCosts() throws IOException {
        // Conv: weight (4, 3, 3, 2), output per sample (4, 5, 4): 80 outputs of 3*3*2 multiply-adds each.
        ModelProfile conv = OnnxImporter.load(Conformance.test("onnx-pytorch-converted", "test_Conv2d").resolve("model.onnx")).model().profile();
        assertThat(conv.multiplyAdds()).isEqualTo(80L * 18);
        assertThat(conv.unknownCost()).isEmpty();
        assertThat(conv.parameters()).isEqualTo(4 * 3 * 3 * 2 + 4);

        ModelProfile linear = OnnxImporter.load(Conformance.test("onnx-pytorch-converted", "test_Linear").resolve("model.onnx")).model().profile();
        long in = linear.inputs().get(0).outputShape()[linear.inputs().get(0).outputShape().length - 1];
        long out = linear.layers().get(linear.layers().size() - 1).outputShape()[0];
        assertThat(linear.multiplyAdds()).isEqualTo(in * out);
        assertThat(linear.unknownCost()).isEmpty();
    }
}
