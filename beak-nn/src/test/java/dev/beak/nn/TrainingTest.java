package dev.beak.nn;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.metric.Metric;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.nn.train.TrainingException;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingTest {
    /** 8x8 images with a bright 3x3 square in one of the four quadrants; the class is the quadrant. */
    static TensorDataset quadrants(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 64], y = new float[n];
        for (int i = 0; i < n; i++) {
            int q = rng.nextInt(4);
            y[i] = q;
            int oy = (q / 2) * 4 + rng.nextInt(2), ox = (q % 2) * 4 + rng.nextInt(2);
            for (int p = 0; p < 64; p++) x[i * 64 + p] = (float) (rng.nextDouble() * 0.3);
            for (int dy = 0; dy < 3; dy++) for (int dx = 0; dx < 3; dx++) x[i * 64 + (oy + dy) * 8 + ox + dx] += 1f;
        }
        return new TensorDataset(Tensor.of(x, n, 1, 8, 8), Tensor.of(y, n));
    }

    static Model smallCnn() {
        return Sequential.of(Layers.conv2d(8, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2), Layers.flatten(), Layers.dropout(0.1f), Layers.dense(4)).seed(3).lazy();
    }

    @Test
    void fitLearnsAndReportsHistory() {
        Model model = smallCnn().compile(new Adam(1e-2), new CrossEntropy());
        History h = model.fit(quadrants(512, 1), FitOptions.epochs(4).batchSize(32).validation(quadrants(200, 2)).seed(5));
        assertThat(h.epochs()).hasSize(4);
        assertThat(h.last().get("val_accuracy")).isGreaterThan(0.95);
        assertThat(h.values("loss")[3]).isLessThan(h.values("loss")[0]);
        assertThat(h.toCsv()).startsWith("epoch,loss,accuracy,val_loss,val_accuracy,seconds,images_per_s,learning_rate\n1,");
        assertThat(model.evaluate(quadrants(200, 2), 50).accuracy()).isEqualTo(h.last().get("val_accuracy"));
    }

    @Test
    void compiledMetricsAreLoggedForTrainingAndValidation() {
        Model model = smallCnn().compile(new Adam(1e-2), new CrossEntropy(), Metric.topK(1), Metric.topK(4));
        History h = model.fit(quadrants(64, 1), FitOptions.epochs(1).batchSize(16).validation(quadrants(32, 2)));
        assertThat(h.last().get("top_1_accuracy")).isEqualTo(h.last().get("accuracy"));
        assertThat(h.last().get("val_top_1_accuracy")).isEqualTo(h.last().get("val_accuracy"));
        assertThat(h.last().get("top_4_accuracy")).isEqualTo(1.0);
        assertThat(model.evaluate(quadrants(32, 2), 8).metrics()).containsEntry("top_4_accuracy", 1.0);
    }

    @Test
    void sameSeedSameRun() {
        double[] a = smallCnn().compile(new Adam(1e-2), new CrossEntropy()).fit(quadrants(128, 1), FitOptions.epochs(2).seed(9)).values("loss");
        double[] b = smallCnn().compile(new Adam(1e-2), new CrossEntropy()).fit(quadrants(128, 1), FitOptions.epochs(2).seed(9)).values("loss");
        assertThat(a).containsExactly(b);
    }

    @Test
    void nanInputStopsWithAMessage() {
        TensorDataset d = quadrants(64, 1);
        d.x().data()[64 * 5 + 3] = Float.NaN;
        Model model = smallCnn().compile(new Adam(1e-2), new CrossEntropy());
        assertThatThrownBy(() -> model.fit(d, FitOptions.epochs(1).batchSize(64)))
                .isInstanceOf(TrainingException.class).hasMessageContaining("epoch 1, batch 1").hasMessageContaining("NaN");
    }

    @Test
    void wrongInputShapeNamesTheLayer() {
        Model model = Sequential.of(Layers.dense(3)).lazy();
        assertThatThrownBy(() -> model.forward(Tensor.zeros(2, 1, 4, 4), false))
                .hasMessageContaining("dense (Dense)").hasMessageContaining("add a Flatten");
    }
}
