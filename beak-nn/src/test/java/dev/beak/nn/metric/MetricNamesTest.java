package dev.beak.nn.metric;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Built-in metrics come back from their log names; custom ones have no stored name. */
class MetricNamesTest {
    @Test
    void topKRoundTripsThroughItsName() {
        Metric top5 = Metric.topK(5);
        assertThat(Metrics.storedName(top5)).contains("top_5_accuracy");
        assertThat(Metrics.named("top_5_accuracy")).isEqualTo(top5);
        assertThat(Metrics.named("top_12_accuracy")).isEqualTo(new TopKAccuracy(12));
    }

    @Test
    void unknownNamesAndCustomMetrics() {
        assertThatThrownBy(() -> Metrics.named("f1")).hasMessageContaining("unknown metric \"f1\"");
        assertThatThrownBy(() -> Metrics.named("top_0_accuracy")).hasMessageContaining("k must be >= 1");
        Metric custom = new Metric() {
            @Override public String name() { return "top_5_accuracy"; }
            @Override public double sum(Tensor output, Tensor labels) { return 0; }
        };
        assertThat(Metrics.storedName(custom)).isEmpty();
    }
}
