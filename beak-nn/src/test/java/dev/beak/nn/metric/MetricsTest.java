package dev.beak.nn.metric;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {
    private static final Tensor SCORES = Tensor.of(new float[] {
        0.1f, 0.7f, 0.2f,   // predicts 1
        0.5f, 0.3f, 0.2f,   // predicts 0
        0.2f, 0.2f, 0.6f,   // predicts 2
        0.3f, 0.4f, 0.3f,   // predicts 1
    }, 4, 3);

    @Test
    void topKCountsTheTrueClassAmongTheBestK() {
        Tensor labels = Tensor.of(new float[] {1, 2, 0, 0}, 4);
        assertThat(TopKAccuracy.correct(SCORES, labels, 1)).isEqualTo(1);
        // Row 1: class 2 is third; row 2: class 0 ties class 1 for second; row 3: class 0 ties class 2 for second.
        assertThat(TopKAccuracy.correct(SCORES, labels, 2)).isEqualTo(3);
        assertThat(TopKAccuracy.of(SCORES, labels, 3)).isEqualTo(1.0);
        assertThat(TopKAccuracy.correct(SCORES, labels, 1)).isEqualTo(Accuracy.correct(SCORES, labels));
        Tensor oneHot = Tensor.of(new float[] {0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0}, 4, 3);
        assertThat(TopKAccuracy.correct(SCORES, oneHot, 2)).isEqualTo(3);
    }

    @Test
    void confusionMatrixAndReport() {
        ConfusionMatrix m = new ConfusionMatrix(3).add(SCORES, Tensor.of(new float[] {1, 2, 2, 0}, 4));
        assertThat(m.count(1, 1)).isEqualTo(1);
        assertThat(m.count(2, 0)).isEqualTo(1);
        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.total()).isEqualTo(4);
        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.toString()).contains("true\\pred").hasLineCount(4);
        ClassificationReport r = ClassificationReport.of(m, List.of("cat", "dog", "bird"));
        // cat: never right (TP 0). dog: predicted twice, right once; support 1. bird: predicted once, right; support 2.
        assertThat(r.scores("cat").f1()).isEqualTo(0);
        assertThat(r.scores("dog").precision()).isEqualTo(0.5);
        assertThat(r.scores("dog").recall()).isEqualTo(1.0);
        assertThat(r.scores("dog").f1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(r.scores("bird").precision()).isEqualTo(1.0);
        assertThat(r.scores("bird").recall()).isEqualTo(0.5);
        assertThat(r.macroAverage().f1()).isCloseTo((0 + 2 / 3.0 + 2 / 3.0) / 3, within(1e-12));
        assertThat(r.weightedAverage().recall()).isCloseTo((0 * 1 + 1.0 * 1 + 0.5 * 2) / 4, within(1e-12));
        assertThat(r.toString()).contains("precision").contains("macro avg").contains("weighted avg")
                .contains("         dog     0.5000     1.0000     0.6667          1");
        assertThatThrownBy(() -> ClassificationReport.of(m, List.of("a"))).hasMessageContaining("1 class names for a matrix of 3");
    }

    @Test
    void confusionMatrixOfAModel() {
        Model m = Sequential.of(Layers.dense(2)).withInputShape(3);
        TensorDataset d = new TensorDataset(Tensor.of(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3), Tensor.of(new float[] {0, 1, 1}, 3));
        ConfusionMatrix c = ConfusionMatrix.of(m, d, 2);
        assertThat(c.total()).isEqualTo(3);
        assertThat(c.accuracy()).isEqualTo(Accuracy.correct(m.predict(d.x(), 10), d.y()) / 3.0);
    }
}
