package dev.beak.nn;

import dev.beak.dataset.MultiTensorDataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.loss.MeanSquaredError;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.Evaluation;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** fit and evaluate on models with several inputs and outputs (one loss per output, summed). */
class MultiInputFitTest {
    /**
     * Input a (4) decides the class (the index of its largest entry), input b (3) the regression target
     * (the sum of b); the net must read each input for its own head.
     */
    static MultiTensorDataset data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor a = Tensor.randn(rng, n, 4), b = Tensor.randn(rng, n, 3);
        float[] cls = new float[n], sum = new float[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < 4; k++) if (a.data()[i * 4 + k] > a.data()[i * 4 + best]) best = k;
            cls[i] = best;
            sum[i] = b.data()[i * 3] + b.data()[i * 3 + 1] + b.data()[i * 3 + 2];
        }
        return new MultiTensorDataset(List.of(a, b), List.of(Tensor.of(cls, n), Tensor.of(sum, n, 1)));
    }

    static Model model() {
        SymbolicTensor a = Functional.input(4), b = Functional.input(3);
        SymbolicTensor trunk = Functional.apply(new Concat(0), a, b).then("trunk", Layers.dense(32, Activation.RELU));
        return Functional.model("two_heads", List.of(a, b), List.of(trunk.then("cls", Layers.dense(4)), trunk.then("sum", Layers.dense(1))), 7);
    }

    @Test
    void twoInputsTwoOutputsLearnBothTasks() {
        MultiTensorDataset train = data(1024, 1), test = data(256, 2);
        Model m = model().compile(new Adam(1e-2), List.of(new CrossEntropy(), new MeanSquaredError()));
        Evaluation before = m.evaluate(test, 64);
        History h = m.fit(train, FitOptions.epochs(15).batchSize(32).seed(3).validation(test));
        Evaluation after = m.evaluate(test, 64);
        // The training loss is the sum of the heads' losses.
        assertThat(h.last().get("loss")).isCloseTo(h.last().get("cls_loss") + h.last().get("sum_loss"), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(h.last().values().keySet()).contains("cls_accuracy", "sum_accuracy", "val_cls_loss", "val_sum_loss", "val_cls_accuracy");
        assertThat(after.metrics().get("cls_accuracy")).as("class head, chance is 0.25").isGreaterThan(0.85);
        assertThat(after.metrics().get("sum_loss")).as("regression head, the targets' variance is 3").isLessThan(0.1);
        assertThat(after.loss()).isLessThan(before.loss() * 0.1);
    }

    @Test
    void oneLossForEveryOutputAndClearErrorsOnMismatchedData() {
        Model m = model().compile(new Adam(1e-2), new MeanSquaredError());
        MultiTensorDataset both = data(64, 4);
        // With one loss, each output gets it (the class head regresses onto the class index here: a (N) target against (N, 4) fails).
        assertThatThrownBy(() -> m.fit(both, FitOptions.epochs(1))).isInstanceOf(IllegalArgumentException.class);
        TensorDataset single = new TensorDataset(both.inputs().getFirst(), both.targets().getFirst());
        assertThatThrownBy(() -> model().compile(new Adam(1e-2), new CrossEntropy()).fit(single, FitOptions.epochs(1)))
                .hasMessageContaining("has 2 inputs, got 1 shapes");
        Model built = model().compile(new Adam(1e-2), new CrossEntropy());
        MultiTensorDataset oneTarget = new MultiTensorDataset(both.inputs(), both.targets().subList(0, 1));
        // One target trains the first output alone (auxiliary heads are left out), as before multi-output fit.
        History first = built.fit(oneTarget, FitOptions.epochs(2).batchSize(16));
        assertThat(first.last().values()).doesNotContainKey("cls_loss");
        MultiTensorDataset threeTargets = new MultiTensorDataset(both.inputs(), List.of(both.targets().get(0), both.targets().get(1), both.targets().get(1)));
        assertThatThrownBy(() -> built.fit(threeTargets, FitOptions.epochs(1))).hasMessageContaining("has 2 outputs, but the data gives 3 targets");
        assertThatThrownBy(() -> new MultiTensorDataset(List.of(Tensor.zeros(3, 2)), List.of(Tensor.zeros(4))))
                .hasMessageContaining("target 0 (4,) must have 3 samples");
    }
}
