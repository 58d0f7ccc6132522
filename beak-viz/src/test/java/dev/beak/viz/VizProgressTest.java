package dev.beak.viz;

import dev.beak.nn.train.Progress;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The iterating explanations tell a Progress after every step, and the library's defaults behind beak viz. */
class VizProgressTest {
    /** Records every (done, total) it is told. */
    private static final class Steps implements Progress {
        final List<int[]> seen = new ArrayList<>();

        @Override
        public void step(int done, int total) {
            seen.add(new int[] {done, total});
        }

        /** True when the steps ran 1, 2, ..., n of n. */
        void assertCounted(int n) {
            assertThat(seen).hasSize(n);
            for (int i = 0; i < n; i++) assertThat(seen.get(i)).containsExactly(i + 1, n);
        }
    }

    @Test
    void deepDreamCountsEveryStepOfEveryOctave() {
        Fixtures.Mnist m = Fixtures.mnist();
        Steps steps = new Steps();
        DeepDream d = DeepDream.of(m.model(), m.test().slice(0, 1).x(), "conv2d", DeepDream.Options.defaults().withOctaves(2).withSteps(3), steps);
        steps.assertCounted(6);
        DeepDream quiet = DeepDream.of(m.model(), m.test().slice(0, 1).x(), "conv2d", DeepDream.Options.defaults().withOctaves(2).withSteps(3));
        assertThat(quiet.image().data()).as("the progress does not change the result").containsExactly(d.image().data());
    }

    @Test
    void styleTransferCountsItsIterationsAndDefaultsToTheConvolutions() {
        Fixtures.Mnist m = Fixtures.mnist();
        assertThat(StyleTransfer.defaultStyleLayers(m.model())).containsExactly("conv2d", "conv2d_1");
        assertThat(StyleTransfer.defaultContentLayer(m.model())).isEqualTo("conv2d_1");
        Steps steps = new Steps();
        Tensor content = m.test().slice(0, 1).x(), style = m.test().slice(1, 2).x();
        StyleTransfer st = StyleTransfer.run(m.model(), content, style, null, null, StyleTransfer.Options.defaults().withIterations(5), steps);
        steps.assertCounted(5);
        StyleTransfer named = StyleTransfer.run(m.model(), content, style, "conv2d_1", List.of("conv2d", "conv2d_1"),
                StyleTransfer.Options.defaults().withIterations(5));
        assertThat(st.contentLoss()).containsExactly(named.contentLoss());
    }

    @Test
    void gradientAscentAndAdversarialStepsAreCounted() {
        Fixtures.Mnist m = Fixtures.mnist();
        Steps ascent = new Steps();
        GradientAscent.Result r = GradientAscent.classInputs(m.model(), new int[] {3, 8}, GradientAscent.Options.defaults().withSteps(7), ascent);
        ascent.assertCounted(7);
        assertThat(r.meanStartScore()).isEqualTo((r.startScore()[0] + r.startScore()[1]) / 2);
        assertThat(r.meanGain()).isEqualTo(r.meanFinalScore() - r.meanStartScore()).isPositive();
        Steps attack = new Steps();
        Adversarial.iterative(m.model(), m.test().slice(0, 4).x(), null, 0.1, Adversarial.defaultAlpha(0.1, 4), 4, 0, 1, attack);
        attack.assertCounted(4);
        assertThat(Adversarial.defaultAlpha(0.1, 1)).isEqualTo(0.1);
        assertThat(Adversarial.defaultAlpha(0.1, 10)).isEqualTo(0.025, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void gradCamInBatchesEqualsOnePassAndCountsTheBatches() {
        Fixtures.Mnist m = Fixtures.mnist();
        Tensor x = m.test().slice(0, 10).x();
        GradCam whole = GradCam.of(m.model(), x, null, null);
        Steps batches = new Steps();
        GradCam parts = GradCam.of(m.model(), x, null, null, 4, batches);
        batches.assertCounted(3);
        assertThat(parts.layer()).isEqualTo(whole.layer());
        assertThat(parts.classes()).containsExactly(whole.classes());
        assertThat(parts.heatmaps().shape()).containsExactly(whole.heatmaps().shape());
        assertThat(parts.coarse().shape()).containsExactly(whole.coarse().shape());
        float[] a = whole.heatmaps().data(), b = parts.heatmaps().data();
        for (int i = 0; i < a.length; i++) assertThat(b[i]).as("heatmap value %d", i).isCloseTo(a[i], org.assertj.core.data.Offset.offset(1e-5f));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GradCam.of(m.model(), x, null, new int[] {1, 2}, 4, Progress.NONE))
                .hasMessage("Grad-CAM got 10 images but 2 classes");
    }
}
