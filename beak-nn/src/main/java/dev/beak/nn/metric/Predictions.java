package dev.beak.nn.metric;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;

/**
 * The predicted class of each of the first samples of a labelled data set, with its softmax
 * probability, beside the label: what {@code beak predict} shows without image files.
 *
 * {@snippet :
 * Predictions p = Predictions.of(model, test, 20);
 * System.out.printf("%d of %d correct%n", p.correct(), p.size());
 * }
 *
 * @param classes       the arg-max class of each sample
 * @param probabilities the softmax probability of that class
 * @param labels        each sample's label (class index)
 */
public record Predictions(int[] classes, float[] probabilities, int[] labels) {
    /** The first {@code count} samples of {@code data} ({@code count <= 0}: all of them), predicted in batches of 256 in evaluation mode. */
    public static Predictions of(Model model, TensorDataset data, int count) {
        return of(model, data, count, dev.beak.nn.train.EvaluationListener.NONE);
    }

    /**
     * {@link #of(Model, TensorDataset, int)}, telling {@code listener} of every batch done. Outputs that are
     * already probabilities (a model ending in softmax, {@link dev.beak.nn.OutputKind}) are not softmaxed again.
     */
    public static Predictions of(Model model, TensorDataset data, int count, dev.beak.nn.train.EvaluationListener listener) {
        int n = count <= 0 ? data.size() : Math.min(count, data.size());
        TensorDataset sample = data.slice(0, n);
        if (sample.y().rank() != 1) throw new IllegalArgumentException("predictions need class-index labels, got label shape " + java.util.Arrays.toString(data.labelShape()));
        Tensor p = dev.beak.nn.OutputKind.probabilities(model.predict(sample.x(), 256, listener));
        int k = p.dim(1);
        float[] pd = p.data(), y = sample.y().data();
        int[] classes = new int[n], labels = new int[n];
        float[] probabilities = new float[n];
        for (int i = 0; i < n; i++) {
            classes[i] = Accuracy.argmax(pd, i * k, k);
            probabilities[i] = pd[i * k + classes[i]];
            labels[i] = (int) y[i];
        }
        return new Predictions(classes, probabilities, labels);
    }

    public int size() {
        return classes.length;
    }

    /** Whether sample {@code i} was predicted as its label. */
    public boolean isCorrect(int i) {
        return classes[i] == labels[i];
    }

    /** Samples predicted as their label. */
    public int correct() {
        int c = 0;
        for (int i = 0; i < size(); i++) if (isCorrect(i)) c++;
        return c;
    }

    /** {@link #correct()} over {@link #size()}. */
    public double accuracy() {
        return correct() / (double) size();
    }
}
