package dev.beak.nn.loss;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

/**
 * Softmax cross-entropy from logits (Keras' sparse/categorical cross-entropy with
 * {@code from_logits=True}), averaged over the batch. Labels: class indices (N) or one-hot rows (N, K).
 * Shapes: output (N, K) logits.
 */
public record CrossEntropy() implements Loss {
    @Override
    public Tensor compute(Tensor output, Tensor labels) {
        return Ops.softmaxCrossEntropy(output, labels);
    }

    @Override
    public String name() {
        return "cross_entropy";
    }
}
