package dev.beak.spark;

import dev.beak.data.EmbeddedMnist;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.Checkpoint;
import dev.beak.io.CheckpointFile;
import dev.beak.io.ModelFile;
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
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void checkpointsAreWrittenEveryNRoundsAndAtTheEpochsEnd(@TempDir Path dir) throws IOException {
        Model m = network().compile(new Sgd(0.05), new CrossEntropy());
        TrainingData data = TrainingData.of(LocalSpark.context(), digits().slice(0, BATCH * 4), 2);
        try {
            new SparkTrainer(LocalSpark.context(), new Sgd(0.05)).fit(new SavedModel(m, Map.of()), data,
                    SparkFitOptions.of(1, BATCH, SEED).withCheckpoints(dir, 2));
        } finally {
            data.release();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("epoch-001.beak", "round-000002.beak", "round-000004.beak");
        }
        Checkpoint c = CheckpointFile.load(dir.resolve("epoch-001.beak"));
        assertThat(c.state().epochsDone()).isEqualTo(1);
        c.saved().model().state().forEach((name, t) -> assertThat(t.data()).as(name).isEqualTo(m.state().get(name).data()));
        assertThat(ModelFile.load(dir.resolve("round-000004.beak")).model().state().get("dense_1.bias").data())
                .isEqualTo(m.state().get("dense_1.bias").data());
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
        double worst = want.entrySet().stream().mapToDouble(e -> relative(got.get(e.getKey()).data(), e.getValue().data())).max().orElseThrow();
        System.out.printf("largest relative difference of a parameter tensor: %.3g%n", worst);
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
