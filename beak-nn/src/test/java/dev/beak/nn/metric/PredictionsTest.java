package dev.beak.nn.metric;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first samples' predicted classes and probabilities agree with the model's outputs and with {@link Accuracy}. */
class PredictionsTest {
    @Test
    void classesProbabilitiesAndCountsAgreeWithTheOutputs() {
        SplittableRandom rng = new SplittableRandom(5);
        Model m = Sequential.of(Layers.dense(4)).seed(3).withInputShape(6);
        float[] labels = new float[40];
        for (int i = 0; i < labels.length; i++) labels[i] = rng.nextInt(4);
        TensorDataset data = new TensorDataset(Tensor.randn(rng, 40, 6), Tensor.of(labels, 40));

        Predictions p = Predictions.of(m, data, 25);
        assertThat(p.size()).isEqualTo(25);
        Tensor probs = Ops.softmax(m.predict(data.slice(0, 25).x(), 8));
        for (int i = 0; i < 25; i++) {
            int c = p.classes()[i];
            for (int k = 0; k < 4; k++) assertThat(probs.data()[i * 4 + k]).isLessThanOrEqualTo(probs.data()[i * 4 + c]);
            assertThat(p.probabilities()[i]).isEqualTo(probs.data()[i * 4 + c]);
            assertThat(p.labels()[i]).isEqualTo((int) labels[i]);
        }
        assertThat(p.correct()).isEqualTo(Accuracy.correct(probs, data.slice(0, 25).y()));
        assertThat(p.accuracy()).isEqualTo(p.correct() / 25.0);
        assertThat(Predictions.of(m, data, 0).size()).isEqualTo(40);
        assertThat(Predictions.of(m, data, 100).size()).isEqualTo(40);
    }

    @Test
    void oneHotLabelsAreRefused() {
        Model m = Sequential.of(Layers.dense(2)).seed(1).withInputShape(3);
        TensorDataset oneHot = new TensorDataset(Tensor.zeros(4, 3), Tensor.zeros(4, 2));
        assertThatThrownBy(() -> Predictions.of(m, oneHot, 2)).hasMessageContaining("class-index labels");
    }
}
