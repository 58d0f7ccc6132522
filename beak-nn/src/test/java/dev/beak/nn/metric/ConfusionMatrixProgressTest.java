package dev.beak.nn.metric;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ConfusionMatrixProgressTest {
    @Test
    void everyBatchIsReportedAndTheMatrixIsTheSame() {
        Model model = Sequential.of(Layers.dense(3)).seed(4).withInputShape(5);
        float[] labels = new float[10];
        for (int i = 0; i < 10; i++) labels[i] = i % 3;
        TensorDataset data = new TensorDataset(Tensor.randn(new SplittableRandom(2), 10, 5), Tensor.of(labels, 10));
        List<String> seen = new ArrayList<>();
        ConfusionMatrix withProgress = ConfusionMatrix.of(model, data, 4, (done, total, samples, seconds) -> seen.add(done + "/" + total));
        assertThat(seen).containsExactly("1/3", "2/3", "3/3");
        assertThat(withProgress.toString()).isEqualTo(ConfusionMatrix.of(model, data, 10).toString());
        assertThat(withProgress.total()).isEqualTo(10);
    }
}
