/**
 * Metrics: {@link dev.beak.nn.metric.Accuracy}, {@link dev.beak.nn.metric.TopKAccuracy},
 * {@link dev.beak.nn.metric.ConfusionMatrix} and its {@link dev.beak.nn.metric.ClassificationReport}
 * (per-class precision, recall, F1); {@link dev.beak.nn.metric.Monitor} names a logged figure to watch;
 * {@link dev.beak.nn.metric.Metrics} rebuilds a built-in metric from its log name (for model files).
 */
package dev.beak.nn.metric;
