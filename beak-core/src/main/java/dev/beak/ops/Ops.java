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

    // ---- plumbing ops (broadcasting arithmetic, data movement, reductions, resizing) ----------

    /** Broadcasting binary op; see {@link BroadcastOp}. */
    public static Tensor binary(BroadcastOp.Kind kind, Tensor a, Tensor b) {
        return BroadcastOp.apply(kind, a, b);
    }

    /** {@code a + b} with numpy broadcasting. */
    public static Tensor addBroadcast(Tensor a, Tensor b) {
        return BroadcastOp.apply(BroadcastOp.Kind.ADD, a, b);
    }

    /** {@code a * b} with numpy broadcasting. */
    public static Tensor mulBroadcast(Tensor a, Tensor b) {
        return BroadcastOp.apply(BroadcastOp.Kind.MUL, a, b);
    }

    public static Tensor sub(Tensor a, Tensor b) {
        return BroadcastOp.apply(BroadcastOp.Kind.SUB, a, b);
    }

    public static Tensor div(Tensor a, Tensor b) {
        return BroadcastOp.apply(BroadcastOp.Kind.DIV, a, b);
    }

    public static Tensor minimum(Tensor a, Tensor b) {
        return BroadcastOp.apply(BroadcastOp.Kind.MIN, a, b);
    }

    public static Tensor maximum(Tensor a, Tensor b) {
        return BroadcastOp.apply(BroadcastOp.Kind.MAX, a, b);
    }

    public static Tensor pow(Tensor a, Tensor b) {
        return BroadcastOp.apply(BroadcastOp.Kind.POW, a, b);
    }

    /** Elementwise sum of one or more tensors, broadcast together (ONNX Sum). */
    public static Tensor sumOf(Tensor... xs) {
        return BroadcastOp.fold(BroadcastOp.Kind.ADD, xs);
    }

    /** Elementwise mean of one or more tensors, broadcast together (ONNX Mean). */
    public static Tensor meanOf(Tensor... xs) {
        return BroadcastOp.mean(xs);
    }

    /** Elementwise maximum of one or more tensors (ONNX Max). */
    public static Tensor maxOf(Tensor... xs) {
        return BroadcastOp.fold(BroadcastOp.Kind.MAX, xs);
    }

    /** Elementwise minimum of one or more tensors (ONNX Min). */
    public static Tensor minOf(Tensor... xs) {
        return BroadcastOp.fold(BroadcastOp.Kind.MIN, xs);
    }

    /** x broadcast to a shape (ONNX Expand). */
    public static Tensor expand(Tensor x, int... shape) {
        return BroadcastOp.expand(x, shape);
    }

    /** Batched matrix product with numpy broadcasting; see {@link MatMulOp}. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return MatMulOp.apply(a, b);
    }

    /** Permutes the axes; an empty perm reverses them. See {@link TransposeOp}. */
    public static Tensor transpose(Tensor x, int... perm) {
        return TransposeOp.apply(x, perm);
    }

    /** Slices with steps and negative indices; axes and steps may be null. See {@link SliceOp}. */
    public static Tensor slice(Tensor x, long[] starts, long[] ends, int[] axes, long[] steps) {
        return SliceOp.apply(x, starts, ends, axes, steps);
    }

    public static Tensor[] split(Tensor x, int axis, int... sizes) {
        return SliceOp.split(x, axis, sizes);
    }

    public static Tensor squeeze(Tensor x, int... axes) {
        return SqueezeOp.squeeze(x, axes);
    }

    public static Tensor unsqueeze(Tensor x, int... axes) {
        return SqueezeOp.unsqueeze(x, axes);
    }

    /** Entries picked along an axis by index; an embedding lookup along axis 0. See {@link GatherOp}. */
    public static Tensor gather(Tensor x, Tensor indices, int axis) {
        return GatherOp.apply(x, indices, axis);
    }

    public static Tensor reduceSum(Tensor x, int[] axes, boolean keepDims) {
        return ReduceOp.apply(ReduceOp.Kind.SUM, x, axes, keepDims);
    }

    public static Tensor reduceMean(Tensor x, int[] axes, boolean keepDims) {
        return ReduceOp.apply(ReduceOp.Kind.MEAN, x, axes, keepDims);
    }

    public static Tensor reduceMax(Tensor x, int[] axes, boolean keepDims) {
        return ReduceOp.apply(ReduceOp.Kind.MAX, x, axes, keepDims);
    }

    /** Pads (or, with negative pads, crops) every axis; see {@link PadOp}. */
    public static Tensor pad(Tensor x, int[] before, int[] after, PadOp.Mode mode, float value) {
        return PadOp.apply(x, before, after, mode, value);
    }

    public static Tensor clip(Tensor x, float lo, float hi) {
        return UnaryOp.clip(x, lo, hi);
    }

    public static Tensor depthToSpace(Tensor x, int block, DepthToSpaceOp.Mode mode) {
        return DepthToSpaceOp.depthToSpace(x, block, mode);
    }

    public static Tensor spaceToDepth(Tensor x, int block) {
        return DepthToSpaceOp.spaceToDepth(x, block);
    }

    /** Nearest or linear resizing to {@code outShape}; see {@link ResizeOp}. */
    public static Tensor resize(Tensor x, int[] outShape, double[] scales, ResizeOp.Interpolation interpolation,
                                ResizeOp.CoordinateMode coordinates, ResizeOp.NearestMode nearest) {
        return ResizeOp.apply(x, outShape, scales, interpolation, coordinates, nearest);
    }

    public static Tensor unary(UnaryOp.Kind kind, Tensor x) {
        return UnaryOp.apply(kind, x);
    }

    public static Tensor exp(Tensor x) {
        return UnaryOp.apply(UnaryOp.Kind.EXP, x);
    }

    public static Tensor log(Tensor x) {
        return UnaryOp.apply(UnaryOp.Kind.LOG, x);
    }

    public static Tensor sqrt(Tensor x) {
        return UnaryOp.apply(UnaryOp.Kind.SQRT, x);
    }

    public static Tensor abs(Tensor x) {
        return UnaryOp.apply(UnaryOp.Kind.ABS, x);
    }

    public static Tensor neg(Tensor x) {
        return UnaryOp.apply(UnaryOp.Kind.NEG, x);
    }

    public static Tensor reciprocal(Tensor x) {
        return UnaryOp.apply(UnaryOp.Kind.RECIPROCAL, x);
    }

    /** A copy whose gradient passes through unchanged. */
    public static Tensor identity(Tensor x) {
        return UnaryOp.identity(x);
    }

    /** A constant tensor (no gradient) of the given shape filled with {@code value} (ONNX ConstantOfShape). */
    public static Tensor constantOfShape(float value, int... shape) {
        return Tensor.full(value, shape);
    }

    /** A constant tensor wrapping {@code values} (ONNX Constant). */
    public static Tensor constant(float[] values, int... shape) {
        return Tensor.of(values, shape);
    }

    /** Convolution over 1 to 3 spatial axes, direct; see {@link ConvNdOp}. */
    public static Tensor convNd(Tensor x, Tensor w, Tensor b, int[] stride, int[] dilation, int[] before, int[] after) {
        return ConvNdOp.apply(x, w, b, stride, dilation, before, after);
    }

    /** Max pooling over 1 to 3 spatial axes with dilation; see {@link MaxPoolNdOp}. */
    public static Tensor maxPoolNd(Tensor x, int[] kernel, int[] stride, int[] dilation, int[] before, int[] after) {
        return MaxPoolNdOp.apply(x, kernel, stride, dilation, before, after);
    }
}
