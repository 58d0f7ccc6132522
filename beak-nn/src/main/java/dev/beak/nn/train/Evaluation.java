package dev.beak.nn.train;

/** Mean loss and accuracy of a model over a dataset. */
public record Evaluation(double loss, double accuracy, int samples) {}
