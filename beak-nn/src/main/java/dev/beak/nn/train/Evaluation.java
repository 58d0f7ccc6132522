package dev.beak.nn.train;

import java.util.Map;

/** Mean loss, accuracy and compiled metrics (by name) of a model over a dataset. */
public record Evaluation(double loss, double accuracy, int samples, Map<String, Double> metrics) {
    public Evaluation {
        metrics = Map.copyOf(metrics);
    }

    public Evaluation(double loss, double accuracy, int samples) {
        this(loss, accuracy, samples, Map.of());
    }
}
