package dev.beak.examples;

import java.util.Map;

/**
 * What an example measured: test accuracy of the network, the baseline's on the same test set (and
 * what the baseline is), sizes, seconds, and named extra figures (another network's accuracy, ...).
 */
public record ExampleResult(String example, double accuracy, double baseline, String baselineName, int trainSamples, int testSamples,
                            double seconds, Map<String, Double> extra) {
    public ExampleResult {
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    /** By how much the network beats its baseline, in accuracy points. */
    public double margin() {
        return accuracy - baseline;
    }
}
