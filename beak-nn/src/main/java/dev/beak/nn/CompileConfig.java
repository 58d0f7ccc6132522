package dev.beak.nn;

import dev.beak.nn.loss.Loss;
import dev.beak.nn.metric.Metric;

import java.util.List;

/**
 * What a model was compiled with besides its optimizer: the loss and the extra metrics (Keras'
 * compile config). A model file stores it so that evaluating the model later reports the same figures.
 */
public record CompileConfig(Loss loss, List<Metric> metrics) {
    public CompileConfig {
        if (loss == null) throw new IllegalArgumentException("a compile config needs a loss");
        metrics = List.copyOf(metrics);
    }
}
