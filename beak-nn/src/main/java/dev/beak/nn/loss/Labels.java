package dev.beak.nn.loss;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/** Label-shape checks that tell sparse (class index) losses from one-hot ones. */
final class Labels {
    private Labels() {}

    static void requireIndices(String loss, Tensor output, Tensor labels) {
        if (labels.rank() != 1) {
            throw new IllegalArgumentException(loss + " takes class indices (N), got labels " + Shape.toString(labels.shape())
                    + " (for one-hot rows use CategoricalCrossEntropy)");
        }
    }

    static void requireOneHot(String loss, Tensor output, Tensor labels) {
        if (labels.rank() != 2) {
            throw new IllegalArgumentException(loss + " takes one-hot rows (N, K), got labels " + Shape.toString(labels.shape())
                    + " for output " + Shape.toString(output.shape()) + " (for class indices use SparseCategoricalCrossEntropy)");
        }
    }
}
