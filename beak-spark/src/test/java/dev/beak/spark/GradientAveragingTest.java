package dev.beak.spark;

import dev.beak.data.EmbeddedMnist;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.train.FitOptions;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gradient averaging over the partitions equals single-process training with the same global batch:
 * 20 steps of batch 64 on MNIST digits, over 2 partitions, against {@code Model.fit}.
 */
class GradientAveragingTest {
    static final int BATCH = 64, STEPS = 20;
    static final long SEED = 7;

    static TensorDataset digits() {
        return EmbeddedMnist.train().slice(0, BATCH * STEPS);
    }

    /** A small CNN without dropout or batch norm, whose gradients both ways must agree. */
    static Model network() {
        return Sequential.of(
                Layers.conv2d(8, 3).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.flatten(),
                Layers.dense(32, Activation.RELU),
                Layers.dense(10)).named("small").seed(SEED).withInputShape(new int[] {1, 28, 28});
    }

    @Test
    void adamOverTwoPartitionsEqualsOneProcess() {
        assertSameTraining(() -> new Adam(1e-3), ShardHook.NONE);
    }

    @Test
    void sgdWithMomentumOverTwoPartitionsEqualsOneProcess() {
        assertSameTraining(() -> new Sgd(0.05, 0.9, false), ShardHook.NONE);
    }

    static void assertSameTraining(Supplier<Optimizer> optimizer, ShardHook hook) {
        Model single = network().compile(optimizer.get(), new CrossEntropy());
        single.fit(digits(), FitOptions.epochs(1).batchSize(BATCH).seed(SEED));

        Model distributed = network().compile(optimizer.get(), new CrossEntropy());
        TrainingData data = TrainingData.of(LocalSpark.context(), digits(), 2);
        try {
            SparkRun run = new SparkTrainer(LocalSpark.context(), optimizer.get())
                    .fit(new SavedModel(distributed, Map.of()), data, SparkFitOptions.of(1, BATCH, SEED).withHook(hook));
            assertThat(run.rounds().epochs()).hasSize(STEPS);
        } finally {
            data.release();
        }
        assertClose(single, distributed, 1e-5);
    }

    /** Every parameter tensor within {@code tolerance} relative (L2 norm of the difference over the norm). */
    static void assertClose(Model expected, Model actual, double tolerance) {
        Map<String, Tensor> want = expected.state(), got = actual.state();
        assertThat(got.keySet()).isEqualTo(want.keySet());
        Tensor first = want.values().iterator().next();
        assertThat(relative(first.data(), network().build(new int[] {1, 28, 28}).state().values().iterator().next().data()))
                .as("training moved the weights").isGreaterThan(1e-3);
        want.forEach((name, w) -> assertThat(relative(got.get(name).data(), w.data())).as(name).isLessThanOrEqualTo(tolerance));
    }

    static double relative(float[] a, float[] b) {
        double diff = 0, norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (double) (a[i] - b[i]);
            norm += b[i] * (double) b[i];
        }
        return Math.sqrt(diff / Math.max(norm, 1e-30));
    }
}
