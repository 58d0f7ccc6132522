package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScheduleAndClippingTest {
    private static List<Map<String, Double>> epochs(int n) {
        List<Map<String, Double>> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(Map.of("loss", 1.0));
        return l;
    }

    @Test
    void stepExponentialAndCosine() {
        LearningRateSchedule step = LearningRateSchedule.step(2, 0.1);
        assertThat(step.learningRate(1, epochs(0))).isEqualTo(1);
        assertThat(step.learningRate(1, epochs(1))).isEqualTo(1);
        assertThat(step.learningRate(1, epochs(2))).isCloseTo(0.1, within(1e-12));
        assertThat(step.learningRate(1, epochs(5))).isCloseTo(0.01, within(1e-12));
        assertThat(LearningRateSchedule.exponential(0.5).learningRate(0.8, epochs(3))).isCloseTo(0.1, within(1e-12));
        LearningRateSchedule cos = LearningRateSchedule.cosine(10, 0.01);
        assertThat(cos.learningRate(0.11, epochs(0))).isCloseTo(0.11, within(1e-12));
        assertThat(cos.learningRate(0.11, epochs(5))).isCloseTo(0.06, within(1e-12));
        assertThat(cos.learningRate(0.11, epochs(10))).isCloseTo(0.01, within(1e-12));
        assertThat(cos.learningRate(0.11, epochs(14))).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void reduceOnPlateauReplaysTheHistory() {
        LearningRateSchedule s = new LearningRateSchedule.ReduceOnPlateau(dev.beak.nn.metric.Monitor.of("val_loss"), 0.5, 2, 0.2);
        double[] losses = {1.0, 0.8, 0.9, 0.85, 0.7, 0.75, 0.71, 0.72, 0.73, 0.74, 0.75};
        // Plateaus end after epochs 4 (0.9, 0.85 do not beat 0.8), 7, 9 and 11; the third halving hits the floor.
        double[] expected = {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.2, 0.2, 0.2};
        List<Map<String, Double>> done = new ArrayList<>();
        for (int e = 0; e <= losses.length; e++) {
            assertThat(s.learningRate(1, done)).as("epoch %d", e).isCloseTo(expected[e], within(1e-12));
            if (e < losses.length) done.add(Map.of("val_loss", losses[e]));
        }
        assertThatThrownBy(() -> s.learningRate(1, epochs(1))).hasMessageContaining("\"val_loss\" is not logged")
                .hasMessageContaining("validation data");
    }

    @Test
    void optimizerFollowsItsScheduleAndGroupMultipliers() {
        Sgd sgd = new Sgd(1.0).schedule(LearningRateSchedule.step(1, 0.5));
        Tensor a = Tensor.of(new float[] {0f}, 1).requiringGrad(), b = Tensor.of(new float[] {0f}, 1).requiringGrad();
        a.accumulateGrad(new float[] {1f});
        b.accumulateGrad(new float[] {1f});
        sgd.startEpoch(epochs(1));
        assertThat(sgd.learningRate()).isEqualTo(0.5);
        sgd.stepGroups(List.of(new ParameterGroup(List.of(a), 1), new ParameterGroup(List.of(b), 10)));
        assertThat(a.data()[0]).isEqualTo(-0.5f);
        assertThat(b.data()[0]).isEqualTo(-5f);
    }

    @Test
    void clippingByGlobalNormSpansAllParameters() {
        Tensor a = Tensor.of(new float[] {0f, 0f}, 2).requiringGrad(), b = Tensor.of(new float[] {0f}, 1).requiringGrad();
        a.accumulateGrad(new float[] {3f, 0f});
        b.accumulateGrad(new float[] {4f});
        GradientClipping.globalNorm(1).clip(List.of(ParameterGroup.of(List.of(a, b))));
        assertThat(a.grad().data()).containsExactly(new float[] {0.6f, 0f}, within(1e-6f));
        assertThat(b.grad().data()).containsExactly(new float[] {0.8f}, within(1e-6f));
        GradientClipping.globalNorm(2).clip(List.of(ParameterGroup.of(List.of(a, b))));
        assertThat(b.grad().data()).containsExactly(new float[] {0.8f}, within(1e-6f));
    }

    @Test
    void coupledWeightDecayLeavesTheStoredGradientAlone() {
        Tensor p = Tensor.of(new float[] {2f}, 1).requiringGrad();
        p.accumulateGrad(new float[] {1f});
        new Sgd(0.1).weightDecay(0.5).step(List.of(p));
        assertThat(p.data()[0]).isCloseTo(2f - 0.1f * (1f + 0.5f * 2f), within(1e-6f));
        assertThat(p.grad().data()[0]).isEqualTo(1f);
    }
}
