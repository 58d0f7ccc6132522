package dev.beak.nn.loss;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every built-in loss survives {@link Losses#config} and {@link Losses#fromConfig}, settings included. */
class LossConfigTest {
    @Test
    void everyBuiltInLossRoundTrips() {
        List<Loss> losses = List.of(new CrossEntropy(), new BinaryCrossEntropy(false, Reduction.SUM), new BinaryCrossEntropy(),
                new CategoricalCrossEntropy(false, Reduction.MEAN), new SparseCategoricalCrossEntropy(true, Reduction.SUM),
                new CategoricalHinge(Reduction.SUM), new MeanSquaredError(), new MeanAbsoluteError(Reduction.SUM));
        for (Loss l : losses) assertThat(Losses.fromConfig(Losses.config(l).orElseThrow())).as(l.toString()).isEqualTo(l);
        assertThat(Losses.config(new BinaryCrossEntropy(false, Reduction.SUM)).orElseThrow())
                .containsExactly(Map.entry("type", "binary_cross_entropy"), Map.entry("from_logits", false), Map.entry("reduction", "sum"));
    }

    @Test
    void customLossHasNoConfigAndBadConfigsSayWhy() {
        Loss custom = new Loss() {
            @Override public dev.beak.tensor.Tensor compute(dev.beak.tensor.Tensor o, dev.beak.tensor.Tensor l) { return o; }
            @Override public String name() { return "mine"; }
        };
        assertThat(Losses.config(custom)).isEmpty();
        assertThat(Losses.fromConfig(Map.of("type", "mean_squared_error"))).isEqualTo(new MeanSquaredError());
        assertThatThrownBy(() -> Losses.fromConfig(Map.of("type", "huber"))).hasMessageContaining("unknown loss type \"huber\"");
        assertThatThrownBy(() -> Losses.fromConfig(Map.of("type", "mean_squared_error", "reduction", "max")))
                .hasMessageContaining("\"reduction\" must be mean or sum, got max");
        assertThatThrownBy(() -> Losses.fromConfig(Map.of("type", "binary_cross_entropy", "from_logits", "yes")))
                .hasMessageContaining("\"from_logits\" must be true or false");
    }
}
