package dev.beak.nn.metric;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Top-k accuracy: a row counts as correct when its true class is among the k highest scores
 * (ImageNet's top-5 error is {@code 1 - top-5 accuracy}). Ties at the boundary count in favour, as
 * TensorFlow's {@code in_top_k}: the true class is in the top k when fewer than k classes score
 * strictly higher. Shapes: output (N, K); labels (N) class indices or (N, K) one-hot rows.
 * As a {@link Metric} ({@code Metric.topK(5)}) it is logged as {@code top_5_accuracy}.
 */
public record TopKAccuracy(int k) implements Metric {
    public TopKAccuracy {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
    }

    @Override
    public String name() {
        return "top_" + k + "_accuracy";
    }

    @Override
    public double sum(Tensor output, Tensor labels) {
        return correct(output, labels, k);
    }

    /** Number of rows whose true class is in the top {@code k}. */
    public static int correct(Tensor output, Tensor labels, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if (output.rank() != 2) throw new IllegalArgumentException("top-k accuracy needs (N, K) scores, got " + Shape.toString(output.shape()));
        int n = output.dim(0), classes = output.dim(1);
        float[] o = output.data(), y = labels.data();
        boolean oneHot = labels.rank() == 2;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            int truth = oneHot ? Accuracy.argmax(y, i * classes, classes) : (int) y[i];
            float score = o[i * classes + truth];
            int higher = 0;
            for (int j = 0; j < classes; j++) if (o[i * classes + j] > score) higher++;
            if (higher < k) hits++;
        }
        return hits;
    }

    /** The fraction of rows whose true class is in the top {@code k}. */
    public static double of(Tensor output, Tensor labels, int k) {
        return output.dim(0) == 0 ? Double.NaN : (double) correct(output, labels, k) / output.dim(0);
    }
}
