package dev.beak.viz;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.metric.Accuracy;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdversarialTest {

    @Test
    void fgsmWithSmallEpsilonFlipsMostPredictionsWithinEpsilon() {
        Fixtures.Mnist m = Fixtures.mnist();
        TensorDataset test = m.test().slice(0, 200);
        int correct = Accuracy.correct(m.model().predict(test.x(), 200), test.y());
        assertThat(correct).as("the MNIST model must be trained").isGreaterThan(170);

        // Pixels are in [0, 1]: eps 0.15 is a faint haze on a digit (see docs/adversarial.png).
        Adversarial a = Adversarial.iterative(m.model(), test.x(), test.y(), 0.15, 0.03, 10, 0, 1);
        assertThat(a.maxPerturbation()).isLessThanOrEqualTo(0.15 + 1e-6);
        assertThat(a.flipRate()).as("iterative FGSM eps 0.15 flip rate").isGreaterThan(0.75);
        assertThat(a.accuracyAfter()).isLessThan(a.accuracyBefore() - 0.5);
        for (float v : a.adversarial().data()) assertThat(v).isBetween(0f, 1f);

        Adversarial one = Adversarial.fgsm(m.model(), test.x(), test.y(), 0.2, 0, 1);
        assertThat(one.maxPerturbation()).isLessThanOrEqualTo(0.2 + 1e-6);
        assertThat(one.flipRate()).as("one-step FGSM eps 0.2 flip rate").isGreaterThan(0.7);
    }

    @Test
    void zeroEpsilonChangesNothing() {
        Fixtures.Mnist m = Fixtures.mnist();
        Tensor x = m.test().slice(0, 20).x();
        Adversarial a = Adversarial.fgsm(m.model(), x, null, 0, 0, 1);
        assertThat(a.maxPerturbation()).isZero();
        assertThat(a.after()).containsExactly(a.before());
    }
}
