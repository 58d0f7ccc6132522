package dev.beak.nn.train;

import java.util.Map;

/** Mean loss, accuracy and compiled metrics (by name) of a model over a dataset. */
public record Evaluation(double loss, double accuracy, int samples, Map<String, Double> metrics) {
    public Evaluation {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics)); // in logging order
    }

    public Evaluation(double loss, double accuracy, int samples) {
        this(loss, accuracy, samples, Map.of());
    }
}
