package dev.beak.nn.metric;

import dev.beak.autograd.Autograd;
import dev.beak.dataset.Batch;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.nn.Model;
import dev.beak.nn.train.EvaluationListener;
import dev.beak.tensor.Tensor;

import java.util.Arrays;
import java.util.Locale;

/**
 * Counts of (true class, predicted class) pairs: row = truth, column = prediction (the arg-max of the
 * output). Filled batch by batch with {@link #add}, or from a model and a dataset with {@link #of}.
 * {@link ClassificationReport} turns it into precision, recall and F1.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final long[] counts;

    public ConfusionMatrix(int classes) {
        if (classes < 1) throw new IllegalArgumentException("a confusion matrix needs at least one class, got " + classes);
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    /** The matrix of {@code model}'s predictions on {@code data} (evaluation mode, no gradients). */
    public static ConfusionMatrix of(Model model, Dataset data, int batchSize) {
        return of(model, data, batchSize, EvaluationListener.NONE);
    }

    /** {@link #of(Model, Dataset, int)}, telling {@code listener} of every batch done (a progress bar). */
    public static ConfusionMatrix of(Model model, Dataset data, int batchSize, EvaluationListener listener) {
        ConfusionMatrix m = null;
        Batches batches = Batches.inOrder(data, batchSize);
        int done = 0;
        long samples = 0, start = System.nanoTime();
        try (var scope = Autograd.noGrad()) {
            for (Batch b : batches) {
                Tensor out = model.forward(b.x(), false);
                if (m == null) m = new ConfusionMatrix(out.dim(1));
                m.add(out, b.y());
                samples += b.size();
                listener.onBatchEnd(++done, batches.batchCount(), samples, (System.nanoTime() - start) / 1e9);
            }
        }
        if (m == null) throw new IllegalArgumentException("the data is empty: no confusion matrix");
        return m;
    }

    /** Adds one batch: output (N, K) scores; labels (N) class indices or (N, K) one-hot rows. */
    public ConfusionMatrix add(Tensor output, Tensor labels) {
        int n = output.dim(0), k = output.size() / Math.max(n, 1);
        if (k != classes) throw new IllegalArgumentException("output has " + k + " classes, the matrix " + classes);
        float[] o = output.data(), y = labels.data();
        boolean oneHot = labels.rank() == 2;
        for (int i = 0; i < n; i++) add(oneHot ? Accuracy.argmax(y, i * k, k) : (int) y[i], Accuracy.argmax(o, i * k, k));
        return this;
    }

    public ConfusionMatrix add(int truth, int predicted) {
        if (truth < 0 || truth >= classes || predicted < 0 || predicted >= classes) {
            throw new IllegalArgumentException("class pair (" + truth + ", " + predicted + ") outside 0.." + (classes - 1));
        }
        counts[truth * classes + predicted]++;
        return this;
    }

    public int classes() {
        return classes;
    }

    /** How many samples of class {@code truth} were predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return counts[truth * classes + predicted];
    }

    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }

    /** Samples whose true class is {@code c} (a row sum). */
    public long support(int c) {
        long s = 0;
        for (int j = 0; j < classes; j++) s += count(c, j);
        return s;
    }

    /** Samples predicted as {@code c} (a column sum). */
    public long predicted(int c) {
        long s = 0;
        for (int i = 0; i < classes; i++) s += count(i, c);
        return s;
    }

    public double accuracy() {
        long right = 0;
        for (int c = 0; c < classes; c++) right += count(c, c);
        return total() == 0 ? Double.NaN : (double) right / total();
    }

    /** The counts as a table: one row per true class, one column per predicted class. */
    /** One off-diagonal cell: {@code count} samples of class {@code truth} taken for {@code predicted}. */
    public record Confusion(int truth, int predicted, long count) {}

    /**
     * The largest off-diagonal cell, the first in row-major order on a tie; (0, 0, 0) when nothing was
     * confused.
     */
    public Confusion mostConfused() {
        Confusion worst = new Confusion(0, 0, 0);
        for (int i = 0; i < classes(); i++) {
            for (int j = 0; j < classes(); j++) if (i != j && count(i, j) > worst.count()) worst = new Confusion(i, j, count(i, j));
        }
        return worst;
    }

    @Override
    public String toString() {
        int w = Math.max(4, Long.toString(Math.max(1, Arrays.stream(counts).max().orElse(0))).length() + 1);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s", "true\\pred"));
        for (int j = 0; j < classes; j++) sb.append(String.format(Locale.ROOT, "%" + w + "d", j));
        sb.append('\n');
        for (int i = 0; i < classes; i++) {
            sb.append(String.format(Locale.ROOT, "%-10d", i));
            for (int j = 0; j < classes; j++) sb.append(String.format(Locale.ROOT, "%" + w + "d", count(i, j)));
            sb.append('\n');
        }
        return sb.toString();
    }
}
