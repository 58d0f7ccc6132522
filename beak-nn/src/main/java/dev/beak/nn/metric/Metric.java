package dev.beak.nn.metric;

import dev.beak.tensor.Tensor;

/**
 * A figure that the training loop reports besides loss and accuracy ({@code model.compile(opt, loss,
 * Metric.topK(5))}): summed over a batch's samples, averaged over the epoch, logged under
 * {@link #name()} and, on validation data, {@code val_} + name.
 */
public interface Metric {
    /** The log key, e.g. {@code top_5_accuracy}. */
    String name();

    /** The sum of the per-sample values over the batch. */
    double sum(Tensor output, Tensor labels);

    /** Top-k accuracy, logged as {@code top_<k>_accuracy}; see {@link TopKAccuracy}. */
    static Metric topK(int k) {
        return new TopKAccuracy(k);
    }
}
