package dev.beak.nn.loss;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The loss objects: reductions, label forms and the logits/probabilities choice (the math is checked in the ops' tests). */
class LossesTest {
    private final SplittableRandom rng = new SplittableRandom(3);

    @Test
    void sumIsBatchSizeTimesMeanForValueAndGradient() {
        Tensor y = Tensor.randn(rng, 4, 3), t = Tensor.randn(rng, 4, 3), idx = Tensor.of(new float[] {0, 2, 1, 1}, 4);
        Tensor oneHot = Tensor.of(new float[] {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0}, 4, 3);
        Tensor prob = Tensor.uniform(rng, 0.1f, 0.9f, 4, 3), bin = Tensor.uniform(rng, 0f, 1f, 4, 3);
        List<Object[]> cases = List.of(
                new Object[] {new MeanSquaredError(Reduction.MEAN), new MeanSquaredError(Reduction.SUM), y, t},
                new Object[] {new MeanAbsoluteError(Reduction.MEAN), new MeanAbsoluteError(Reduction.SUM), y, t},
                new Object[] {new BinaryCrossEntropy(true, Reduction.MEAN), new BinaryCrossEntropy(true, Reduction.SUM), y, bin},
                new Object[] {new BinaryCrossEntropy(false, Reduction.MEAN), new BinaryCrossEntropy(false, Reduction.SUM), prob, bin},
                new Object[] {new CategoricalCrossEntropy(true, Reduction.MEAN), new CategoricalCrossEntropy(true, Reduction.SUM), y, oneHot},
                new Object[] {new CategoricalCrossEntropy(false, Reduction.MEAN), new CategoricalCrossEntropy(false, Reduction.SUM), prob, oneHot},
                new Object[] {new SparseCategoricalCrossEntropy(true, Reduction.MEAN), new SparseCategoricalCrossEntropy(true, Reduction.SUM), y, idx},
                new Object[] {new SparseCategoricalCrossEntropy(false, Reduction.MEAN), new SparseCategoricalCrossEntropy(false, Reduction.SUM), prob, idx},
                new Object[] {new CategoricalHinge(Reduction.MEAN), new CategoricalHinge(Reduction.SUM), y, idx});
        for (Object[] c : cases) {
            Loss mean = (Loss) c[0], sum = (Loss) c[1];
            Tensor out = (Tensor) c[2], labels = (Tensor) c[3];
            Tensor a = out.copy().requiringGrad(), b = out.copy().requiringGrad();
            Tensor la = mean.compute(a, labels), lb = sum.compute(b, labels);
            assertThat(lb.item()).as(mean.name()).isCloseTo(4 * la.item(), within(1e-5f * (1 + Math.abs(lb.item()))));
            la.backward();
            lb.backward();
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.grad().data()[i]).as("%s gradient %d", mean.name(), i).isCloseTo(4 * a.grad().data()[i], within(1e-5f));
            }
        }
    }

    @Test
    void logitsAndProbabilitiesAgree() {
        Tensor z = Tensor.randn(rng, 3, 4), labels = Tensor.of(new float[] {3, 0, 1}, 3);
        Tensor p = dev.beak.ops.Ops.softmax(z);
        float fromLogits = new SparseCategoricalCrossEntropy().compute(z, labels).item();
        float fromProbabilities = new SparseCategoricalCrossEntropy(false, Reduction.MEAN).compute(p, labels).item();
        assertThat(fromProbabilities).isCloseTo(fromLogits, within(1e-5f));
        assertThat(new CrossEntropy().compute(z, labels).item()).isEqualTo(fromLogits);
    }

    @Test
    void sparseAndOneHotLossesSayWhichLabelsTheyTake() {
        assertThatThrownBy(() -> new SparseCategoricalCrossEntropy().compute(Tensor.zeros(2, 3), Tensor.zeros(2, 3)))
                .hasMessageContaining("takes class indices (N)").hasMessageContaining("CategoricalCrossEntropy");
        assertThatThrownBy(() -> new CategoricalCrossEntropy().compute(Tensor.zeros(2, 3), Tensor.zeros(2)))
                .hasMessageContaining("takes one-hot rows (N, K)").hasMessageContaining("SparseCategoricalCrossEntropy");
    }

    @Test
    void binaryAccuracyThresholdsEachOutput() {
        Tensor labels = Tensor.of(new float[] {1, 0, 1, 0}, 4, 1);
        assertThat(new BinaryCrossEntropy().correct(Tensor.of(new float[] {2, -1, -0.5f, 0.1f}, 4, 1), labels)).isEqualTo(2);
        assertThat(new BinaryCrossEntropy(false, Reduction.MEAN).correct(Tensor.of(new float[] {0.9f, 0.2f, 0.6f, 0.7f}, 4, 1), labels))
                .isEqualTo(3);
        assertThat(new SparseCategoricalCrossEntropy().correct(Tensor.of(new float[] {1, 2, 3, 0}, 2, 2), Tensor.of(new float[] {1, 1}, 2)))
                .isEqualTo(1);
    }
}
