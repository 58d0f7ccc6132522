package dev.beak.nn.loss;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

/**
 * Binary (or multi-label) cross-entropy; targets in [0, 1] with the output's shape.
 * With {@code fromLogits} the output is raw scores and the loss uses the stable form
 * {@code max(z,0) - z t + log(1 + e^-|z|)}; without, the output is probabilities (a sigmoid),
 * clipped to [1e-7, 1 - 1e-7]. Shapes: output (N, ...), usually (N, 1). Accuracy: a sample is right
 * when every output is on the target's side of the threshold (0 for logits, 0.5 for probabilities).
 */
public record BinaryCrossEntropy(boolean fromLogits, Reduction reduction) implements Loss {
    /** From logits, mean over the batch: the stable choice. */
    public BinaryCrossEntropy() {
        this(true, Reduction.MEAN);
    }

    @Override
    public Tensor compute(Tensor output, Tensor labels) {
        Tensor mean = fromLogits ? Ops.binaryCrossEntropyFromLogits(output, labels) : Ops.binaryCrossEntropy(output, labels);
        return reduction.fromBatchMean(mean, output.dim(0));
    }

    @Override
    public String name() {
        return "binary_cross_entropy";
    }

    @Override
    public int correct(Tensor output, Tensor labels) {
        int n = output.dim(0), per = output.size() / Math.max(n, 1);
        float threshold = fromLogits ? 0f : 0.5f;
        float[] o = output.data(), t = labels.data();
        int hits = 0;
        for (int i = 0; i < n; i++) {
            boolean right = true;
            for (int j = i * per; right && j < (i + 1) * per; j++) right = (o[j] > threshold) == (t[j] >= 0.5f);
            if (right) hits++;
        }
        return hits;
    }
}
