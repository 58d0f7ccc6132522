package dev.beak.nn.train;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adadelta;
import dev.beak.nn.optim.Adagrad;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.AdamW;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.optim.RmsProp;
import dev.beak.nn.optim.Sgd;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A learning rate of 10^6 makes every optimizer diverge: training must stop, naming epoch, batch and a layer, not finish with a loss of 1e30. */
class DivergenceTest {
    static Stream<Optimizer> optimizers() {
        return Stream.of(new Sgd(1e6), new Sgd(1e6, 0.9, true), new Adam(1e6), new AdamW(1e6), new Adagrad(1e6), new RmsProp(1e6),
                new Adadelta(1e6, 0.9, 1e-6));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void aHugeLearningRateStopsTrainingNamingTheLayer(Optimizer optimizer) {
        Model model = cnn().compile(optimizer, new CrossEntropy());
        assertThatThrownBy(() -> model.fit(data(256, 1), FitOptions.epochs(3).batchSize(16).seed(2)))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("epoch ").hasMessageContaining("batch ")
                .hasMessageContaining("diverged")
                .hasMessageMatching("(?s).*layer (conv2d|max_pooling2d|flatten|dense)[_0-9]* \\(.*");
    }

    @Test
    void skipBatchLeavesOutBadBatchesAndCountsThem() {
        TensorDataset d = data(64, 1);
        d.x().data()[16 * 64 + 5] = Float.NaN;   // one bad sample in the second batch of 16
        Model model = cnn().compile(new Adam(1e-2), new CrossEntropy());
        History h = model.fit(d, FitOptions.epochs(1).batchSize(16).onNonFinite(NonFinite.Policy.SKIP_BATCH));
        assertThat(h.last().get("skipped_batches")).isEqualTo(1.0);
        assertThat(h.last().get("loss")).isFinite();
        assertThat(NonFinite.firstBadWeight(model)).isNull();
    }

    @Test
    void evaluationWithNonFiniteWeightsNamesTheLayer() {
        Model model = cnn().compile(new Adam(1e-2), new CrossEntropy());
        model.build(new int[] {1, 8, 8});
        model.state().get("dense.weight").data()[3] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> model.evaluate(data(32, 3), 16)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("evaluation").hasMessageContaining("dense.weight holds Infinity");
    }

    static Model cnn() {
        return Sequential.of(Layers.conv2d(4, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2), Layers.flatten(), Layers.dense(4)).seed(3).lazy();
    }

    static TensorDataset data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 64], y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(4);
            for (int p = 0; p < 64; p++) x[i * 64 + p] = (float) rng.nextDouble() + (p / 16 == y[i] ? 1 : 0);
        }
        return new TensorDataset(Tensor.of(x, n, 1, 8, 8), Tensor.of(y, n));
    }
}
