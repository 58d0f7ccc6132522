package dev.beak.ops;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Layer normalisation (Ba, Kiros and Hinton, 2016, "Layer Normalization"): each sample is normalised
 * over its trailing axes (those of gamma's shape), with the biased variance, then an elementwise
 * affine map over those axes (PyTorch's {@code LayerNorm(normalized_shape)}).
 *
 * <p>Shapes: x (N, ..., *D); gamma, beta of shape D (or null: 1 and 0; then {@code size} values are
 * normalised together); y has x's shape.
 */
public final class LayerNormOp {
    private LayerNormOp() {}

    /** Normalises over the last {@code size} values of each row (size = gamma's size when given). */
    public static Tensor apply(Tensor x, Tensor gamma, Tensor beta, int size, float eps) {
        if (size < 1 || x.size() % size != 0 || gamma != null && gamma.size() != size || beta != null && beta.size() != size) {
            throw new IllegalArgumentException("LayerNorm: input " + Shape.toString(x.shape()) + " cannot be normalised over trailing "
                    + size + " values" + (gamma == null ? "" : " (gamma " + Shape.toString(gamma.shape()) + ")"));
        }
        // Rows of `size` values each, one affine entry per value: the group kernel with G = 1, spatial = 1.
        Tensor rows = x.size() / size == x.dim(0) ? x : ReshapeOp.apply(x, x.size() / size, size);
        Tensor y = GroupNormOp.normalize("LayerNorm", rows, gamma, beta, 1, 1, eps);
        return rows == x ? y : ReshapeOp.apply(y, x.shape());
    }
}
