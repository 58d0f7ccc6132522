package dev.beak.nn;

import dev.beak.autograd.Autograd;
import dev.beak.dataset.Batch;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.tensor.Tensor;

/**
 * What a classifier's outputs (N, K) are: raw scores ({@link #LOGITS}) or one distribution per sample
 * ({@link #PROBABILITIES}: the model already ends in a softmax, as most Keras and ONNX classifiers do).
 * It is read from the values, so it holds for any graph: a native softmax layer, a Keras activation, an
 * ONNX Softmax node followed by a reshape. Logits of two or more classes are never all non-negative rows
 * that sum to 1.
 */
public enum OutputKind {
    LOGITS, PROBABILITIES;

    /** Samples run to tell the kinds apart. */
    private static final int SAMPLES = 16;

    /** {@link #PROBABILITIES} when {@code outputs} has rows of at least two classes, each non-negative and summing to 1 (within 1e-3). */
    public static OutputKind of(Tensor outputs) {
        if (outputs.rank() != 2 || outputs.dim(1) < 2 || outputs.dim(0) == 0) return LOGITS;
        int n = outputs.dim(0), k = outputs.dim(1);
        float[] d = outputs.data();
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                if (!(d[i * k + c] >= 0)) return LOGITS;
                sum += d[i * k + c];
            }
            if (Math.abs(sum - 1) > 1e-3) return LOGITS;
        }
        return PROBABILITIES;
    }

    /** Outputs (N, K) as probabilities: softmax of logits, or the outputs themselves when they already are. */
    public static Tensor probabilities(Tensor outputs) {
        return of(outputs) == PROBABILITIES ? outputs : dev.beak.ops.Ops.softmax(outputs);
    }

    /** The kind of {@code model}'s first output on the first samples of {@code data} (evaluation mode, no gradients). */
    public static OutputKind of(Model model, Dataset data) {
        if (data.size() == 0) return LOGITS;
        Batch first = Batches.inOrder(data, Math.min(SAMPLES, data.size())).iterator().next();
        try (var scope = Autograd.noGrad()) {
            return of(model.forward(false, first.inputs().toArray(Tensor[]::new))[0]);
        }
    }
}
