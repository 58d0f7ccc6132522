package dev.beak.viz;

import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeTest {

    @Test
    void explainingNeverTouchesTheParameters() {
        Model model = Fixtures.mnist().model();
        Map<String, Tensor> params = model.parameters();
        List<float[]> before = new ArrayList<>();
        for (Tensor p : params.values()) {
            before.add(p.data().clone());
            p.clearGrad();
        }
        Tensor x = Fixtures.mnist().test().slice(0, 4).x();
        GradCam.of(model, x, null, null);
        Saliency.of(model, x, null);
        Adversarial.iterative(model, x, null, 0.1, 0.05, 2, 0, 1);
        GradientAscent.filterPatterns(model, "conv2d", new int[] {0, 1}, GradientAscent.Options.defaults().withSteps(3));
        Tensor one = Fixtures.mnist().test().slice(0, 1).x(), other = Fixtures.mnist().test().slice(1, 2).x();
        DeepDream.of(model, one, "conv2d", DeepDream.Options.defaults().withSteps(2));
        StyleTransfer.run(model, one, other, "conv2d_1", List.of("conv2d"), StyleTransfer.Options.defaults().withIterations(2));
        int i = 0;
        for (Tensor p : params.values()) {
            assertThat(p.data()).as("values of a parameter").containsExactly(before.get(i++));
            assertThat(p.hasGrad()).as("a parameter got a gradient").isFalse();
            assertThat(p.requiresGrad()).as("parameters stay trainable").isTrue();
        }
    }

    @Test
    void gradientOfALogitWithRespectToTheInputMatchesFiniteDifferences() {
        Model model = Fixtures.mnist().model();
        Probe probe = Probe.of(model);
        Tensor x = Fixtures.mnist().test().slice(0, 1).x();
        Probe.Pass pass = probe.gradient(x, probe.output(), Probe.oneHot(new int[] {7}, 10));
        float[] g = pass.input().grad().data();
        // The largest-gradient pixels, where the finite difference is well above float noise.
        for (int k = 0; k < 3; k++) {
            int at = 0;
            for (int i = 1; i < g.length; i++) if (Math.abs(g[i]) > Math.abs(g[at])) at = i;
            double h = 1e-2;
            Tensor plus = x.copy(), minus = x.copy();
            plus.data()[at] += (float) h;
            minus.data()[at] -= (float) h;
            double numeric = (model.predict(plus, 1).data()[7] - model.predict(minus, 1).data()[7]) / (2 * h);
            assertThat((double) g[at]).isCloseTo(numeric, org.assertj.core.data.Offset.offset(0.05 * Math.abs(numeric) + 1e-3));
            g[at] = 0;
        }
    }

    @Test
    void unknownLayerNamesTheKnownOnes() {
        Probe probe = Probe.of(Fixtures.mnist().model());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> probe.node("conv3"))
                .hasMessageContaining("no layer \"conv3\"").hasMessageContaining("conv2d_1");
        assertThat(probe.convNodes()).hasSize(2);
        assertThat(probe.name(probe.lastConv())).isEqualTo("conv2d_1");
    }
}
