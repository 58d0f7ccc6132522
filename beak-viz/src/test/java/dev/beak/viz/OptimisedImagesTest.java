package dev.beak.viz;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Filter patterns, class maximisation, Deep Dream and style transfer on the small MNIST model. */
class OptimisedImagesTest {

    @Test
    void filterPatternRaisesItsFilterFarAboveRandomImages() {
        Fixtures.Mnist m = Fixtures.mnist();
        var r = GradientAscent.filterPatterns(m.model(), "conv2d_1", null, GradientAscent.Options.defaults().withSteps(60));
        int[] filters = r.units();
        assertThat(r.images().shape()).containsExactly(16, 1, 28, 28);
        for (float v : r.images().data()) assertThat(v).isBetween(0f, 1f);
        Tensor random = Tensor.uniform(new SplittableRandom(5), 0, 1, 16, 1, 28, 28);
        double[] onRandom = GradientAscent.meanActivation(m.model(), "conv2d_1", random, filters);
        double[] onPattern = GradientAscent.meanActivation(m.model(), "conv2d_1", r.images(), filters);
        assertThat(onPattern).containsExactly(r.finalScore(), org.assertj.core.data.Offset.offset(1e-5));
        // Uniform noise in [0, 1] already has full contrast, so it excites every filter somewhat; a
        // filter that responds to overall brightness cannot go far above it within the clamped range.
        double[] ratio = new double[filters.length];
        for (int i = 0; i < filters.length; i++) {
            ratio[i] = onPattern[i] / Math.max(onRandom[i], 1e-3);
            assertThat(ratio[i]).as("filter %d: pattern %.4f, random image %.4f", filters[i], onPattern[i], onRandom[i])
                    .isGreaterThan(1.5);
        }
        java.util.Arrays.sort(ratio);
        assertThat(ratio[ratio.length / 2]).as("median ratio pattern / random").isGreaterThan(3);
    }

    @Test
    void classInputIsClassifiedAsItsClassWithHighConfidence() {
        Fixtures.Mnist m = Fixtures.mnist();
        var r = GradientAscent.classInputs(m.model(), null, GradientAscent.Options.defaults().withSteps(60).withDecay(0.01));
        Tensor p = dev.beak.ops.Ops.softmax(m.model().predict(r.images(), 10));
        for (int c = 0; c < 10; c++) {
            assertThat(r.finalScore()[c]).isGreaterThan(r.startScore()[c]);
            assertThat(p.data()[c * 10 + c]).as("p(class %d | its input)", c).isGreaterThan(0.9f);
        }
    }

    @Test
    void deepDreamRaisesTheLayersActivationAcrossOctavesAndRunsAtAnySize() {
        Fixtures.Mnist m = Fixtures.mnist();
        Tensor digit = ImageMath.resize(m.test().slice(0, 1).x(), 42, 42);
        DeepDream d = DeepDream.of(m.model(), digit, "conv2d_1", DeepDream.Options.defaults().withSteps(10));
        assertThat(d.image().shape()).containsExactly(1, 1, 42, 42);
        Probe probe = Probe.of(m.model());
        int node = probe.node("conv2d_1");
        double sqBefore = meanSquare(probe.forward(digit, node).output()), sqAfter = meanSquare(probe.forward(d.image(), node).output());
        assertThat(sqAfter).as("mean square of conv2d_1, dreamed vs original").isGreaterThan(2 * sqBefore);
    }

    @Test
    void styleTransferLowersBothLosses() {
        Fixtures.Mnist m = Fixtures.mnist();
        Tensor content = m.test().slice(0, 1).x(), style = m.test().slice(1, 2).x();
        StyleTransfer st = StyleTransfer.run(m.model(), content, style, "conv2d_1", List.of("conv2d", "conv2d_1"),
                StyleTransfer.Options.defaults().withIterations(60));
        double[] c = st.contentLoss(), s = st.styleLoss();
        assertThat(c).hasSize(61);
        assertThat(c[60]).as("content loss %.4g -> %.4g", c[0], c[60]).isLessThan(0.5 * c[0]);
        assertThat(s[60]).as("style loss %.4g -> %.4g", s[0], s[60]).isLessThan(0.5 * s[0]);
        for (float v : st.image().data()) assertThat(v).isBetween(0f, 1f);
    }

    private static double meanSquare(Tensor t) {
        double s = 0;
        for (float v : t.data()) s += v * v;
        return s / t.size();
    }
}
