package dev.beak.ops;

import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * The ops facade: one static method per op, each recording itself for autograd.
 *
 * {@snippet :
 * Tensor h = Ops.relu(Ops.conv2d(x, w, b, 1, Padding.SAME));
 * Tensor loss = Ops.softmaxCrossEntropy(Ops.dense(Ops.flatten(h), w2, b2), labels);
 * loss.backward();
 * }
 */
public final class Ops {
    private Ops() {}

    /** Convolution with a square stride, no dilation. See {@link Conv2dOp}. */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor b, int stride, Padding padding) {
        return Conv2dOp.apply(x, w, b, stride, stride, 1, 1, padding);
    }

    /** Convolution with per-axis stride and dilation. See {@link Conv2dOp}. */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor b, int strideH, int strideW,
                                int dilationH, int dilationW, Padding padding) {
        return Conv2dOp.apply(x, w, b, strideH, strideW, dilationH, dilationW, padding);
    }

    public static Tensor maxPool2d(Tensor x, int kH, int kW, int strideH, int strideW, Padding padding) {
        return MaxPool2dOp.apply(x, kH, kW, strideH, strideW, padding);
    }

    public static Tensor dense(Tensor x, Tensor w, Tensor b) {
        return DenseOp.apply(x, w, b);
    }

    public static Tensor relu(Tensor x) {
        return ReluOp.apply(x);
    }

    public static Tensor softmax(Tensor x) {
        return SoftmaxOp.apply(x);
    }

    public static Tensor softmaxCrossEntropy(Tensor logits, Tensor labels) {
        return SoftmaxCrossEntropyOp.apply(logits, labels);
    }

    public static Tensor dropout(Tensor x, float rate, SplittableRandom rng) {
        return DropoutOp.apply(x, rate, rng);
    }

    public static Tensor reshape(Tensor x, int... shape) {
        return ReshapeOp.apply(x, shape);
    }

    /** (N, ...) to (N, prod(...)). */
    public static Tensor flatten(Tensor x) {
        return ReshapeOp.apply(x, x.dim(0), -1);
    }

    public static Tensor add(Tensor a, Tensor b) {
        return ElementwiseOps.add(a, b);
    }

    public static Tensor mul(Tensor a, Tensor b) {
        return ElementwiseOps.mul(a, b);
    }

    public static Tensor sum(Tensor a) {
        return ElementwiseOps.sum(a);
    }

    public static Tensor mean(Tensor a) {
        return ElementwiseOps.mean(a);
    }

    // ---- graph wiring and losses -------------------------------------------------------------

    /** Joins tensors along {@code axis} (1 for the channels of NCHW maps). See {@link ConcatOp}. */
    public static Tensor concat(int axis, Tensor... inputs) {
        return ConcatOp.apply(axis, inputs);
    }

    public static Tensor meanSquaredError(Tensor output, Tensor targets) {
        return MeanSquaredErrorOp.apply(output, targets);
    }

    public static Tensor meanAbsoluteError(Tensor output, Tensor targets) {
        return MeanAbsoluteErrorOp.apply(output, targets);
    }

    public static Tensor binaryCrossEntropyFromLogits(Tensor logits, Tensor targets) {
        return BinaryCrossEntropyOp.fromLogits(logits, targets);
    }

    public static Tensor binaryCrossEntropy(Tensor probabilities, Tensor targets) {
        return BinaryCrossEntropyOp.fromProbabilities(probabilities, targets);
    }

    public static Tensor categoricalCrossEntropy(Tensor probabilities, Tensor labels) {
        return CategoricalCrossEntropyOp.apply(probabilities, labels);
    }

    public static Tensor categoricalHinge(Tensor scores, Tensor labels) {
        return CategoricalHingeOp.apply(scores, labels);
    }
}
