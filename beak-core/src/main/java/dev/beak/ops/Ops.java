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

    /** A dense layer whose weights are stored as {@code layout} says ((Out, In) for ONNX Gemm with transB). */
    public static Tensor dense(Tensor x, Tensor w, Tensor b, DenseOp.WeightLayout layout) {
        return DenseOp.apply(x, w, b, layout);
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

    /** {@code a + b} with numpy broadcasting; same shapes take the fast elementwise path. */
    public static Tensor add(Tensor a, Tensor b) {
        return java.util.Arrays.equals(a.shape(), b.shape()) ? ElementwiseOps.add(a, b) : BroadcastOp.apply(BroadcastOp.Kind.ADD, a, b);
    }

    /** {@code a * b} with numpy broadcasting; same shapes take the fast elementwise path. */
    public static Tensor mul(Tensor a, Tensor b) {
        return java.util.Arrays.equals(a.shape(), b.shape()) ? ElementwiseOps.mul(a, b) : BroadcastOp.apply(BroadcastOp.Kind.MUL, a, b);
    }

    public static Tensor sum(Tensor a) {
        return ElementwiseOps.sum(a);
    }

    public static Tensor mean(Tensor a) {
        return ElementwiseOps.mean(a);
    }

    // ---- layer catalogue: convolutions ---------------------------------------------------------

    /** Grouped convolution (depthwise when groups = C); w (F, C/groups, kH, kW). See {@link GroupedConv2dOp}. */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor b, int strideH, int strideW,
                                int dilationH, int dilationW, Padding padding, int groups) {
        return groups == 1 ? Conv2dOp.apply(x, w, b, strideH, strideW, dilationH, dilationW, padding)
                : GroupedConv2dOp.apply(x, w, b, strideH, strideW, dilationH, dilationW, padding, groups);
    }

    /**
     * 1-d convolution as a 2-d one of height 1. Shapes: x (N, C, L); w (F, C/groups, k); b (F) or null;
     * y (N, F, oL). {@code padding} acts on L: Valid, Same, or Explicit(0, 0, before, after).
     */
    public static Tensor conv1d(Tensor x, Tensor w, Tensor b, int stride, int dilation, Padding padding, int groups) {
        check1d("conv1d", x, padding);
        if (w.rank() != 3) throw new IllegalArgumentException("conv1d weights must be (F, C/groups, k), got " + dev.beak.tensor.Shape.toString(w.shape()));
        Tensor y = conv2d(to2d(x), ReshapeOp.apply(w, w.dim(0), w.dim(1), 1, w.dim(2)), b, 1, stride, 1, dilation, padding, groups);
        return ReshapeOp.apply(y, y.dim(0), y.dim(1), y.dim(3));
    }

    /** Transposed convolution; w (C, F/groups, kH, kW); pads {top, bottom, left, right}. See {@link ConvTranspose2dOp}. */
    public static Tensor convTranspose2d(Tensor x, Tensor w, Tensor b, int strideH, int strideW, int dilationH, int dilationW,
                                         int[] pads, int[] outputPadding, int groups) {
        return ConvTranspose2dOp.apply(x, w, b, strideH, strideW, dilationH, dilationW, pads, outputPadding, groups);
    }

    /** Transposed 1-d convolution: x (N, C, L); w (C, F/groups, k); y (N, F, oL), oL as in {@link ConvTranspose2dOp}. */
    public static Tensor convTranspose1d(Tensor x, Tensor w, Tensor b, int stride, int dilation, int padBegin, int padEnd,
                                         int outputPadding, int groups) {
        check1d("conv_transpose1d", x, Padding.VALID);
        if (w.rank() != 3) throw new IllegalArgumentException("conv_transpose1d weights must be (C, F/groups, k), got " + dev.beak.tensor.Shape.toString(w.shape()));
        Tensor y = ConvTranspose2dOp.apply(to2d(x), ReshapeOp.apply(w, w.dim(0), w.dim(1), 1, w.dim(2)), b, 1, stride, 1, dilation,
                new int[] {0, 0, padBegin, padEnd}, new int[] {0, outputPadding}, groups);
        return ReshapeOp.apply(y, y.dim(0), y.dim(1), y.dim(3));
    }

    // ---- layer catalogue: pooling ---------------------------------------------------------------

    /** Max pooling with dilation and ceil mode (see {@link PoolWindow}); dilation 1 runs {@link MaxPool2dOp}. */
    public static Tensor maxPool2d(Tensor x, int kH, int kW, int strideH, int strideW, int dilationH, int dilationW,
                                   Padding padding, boolean ceilMode) {
        Window2d g = PoolWindow.of(x.shape(), kH, kW, strideH, strideW, dilationH, dilationW, padding, ceilMode);
        if (dilationH == 1 && dilationW == 1) {
            return MaxPool2dOp.apply(x, kH, kW, strideH, strideW,
                    new Padding.Explicit(g.padTop(), g.padBottom(), g.padLeft(), g.padRight()));
        }
        return DilatedMaxPool2dOp.apply(x, g);
    }

    public static Tensor avgPool2d(Tensor x, int kH, int kW, int strideH, int strideW, Padding padding,
                                   boolean ceilMode, boolean countIncludePad) {
        return AvgPool2dOp.apply(x, kH, kW, strideH, strideW, padding, ceilMode, countIncludePad);
    }

    /** p-norm pooling. See {@link LpPool2dOp}. */
    public static Tensor lpPool2d(Tensor x, float p, int kH, int kW, int strideH, int strideW, Padding padding, boolean ceilMode) {
        return LpPool2dOp.apply(x, p, PoolWindow.of(x.shape(), kH, kW, strideH, strideW, 1, 1, padding, ceilMode));
    }

    /** 1-d max pooling: x (N, C, L) to (N, C, oL). */
    public static Tensor maxPool1d(Tensor x, int k, int stride, int dilation, Padding padding, boolean ceilMode) {
        check1d("max_pool1d", x, padding);
        return from2d(maxPool2d(to2d(x), 1, k, 1, stride, 1, dilation, padding, ceilMode));
    }

    /** 1-d average pooling: x (N, C, L) to (N, C, oL). */
    public static Tensor avgPool1d(Tensor x, int k, int stride, Padding padding, boolean ceilMode, boolean countIncludePad) {
        check1d("avg_pool1d", x, padding);
        return from2d(AvgPool2dOp.apply(to2d(x), 1, k, 1, stride, padding, ceilMode, countIncludePad));
    }

    /** 1-d p-norm pooling: x (N, C, L) to (N, C, oL). */
    public static Tensor lpPool1d(Tensor x, float p, int k, int stride, Padding padding, boolean ceilMode) {
        check1d("lp_pool1d", x, padding);
        return from2d(lpPool2d(to2d(x), p, 1, k, 1, stride, padding, ceilMode));
    }

    /** (N, C, *) to (N, C). */
    public static Tensor globalMaxPool(Tensor x) {
        return GlobalPoolOp.max(x);
    }

    /** (N, C, *) to (N, C). */
    public static Tensor globalAvgPool(Tensor x) {
        return GlobalPoolOp.avg(x);
    }

    /** (N, C, *) to (N, C) over the positions where mask (N, *) is not 0. See {@link GlobalPoolOp}. */
    public static Tensor maskedGlobalMaxPool(Tensor x, Tensor mask) {
        return GlobalPoolOp.maskedMax(x, mask);
    }

    /** (N, C, *) to (N, C) over the positions where mask (N, *) is not 0. See {@link GlobalPoolOp}. */
    public static Tensor maskedGlobalAvgPool(Tensor x, Tensor mask) {
        return GlobalPoolOp.maskedAvg(x, mask);
    }

    /** Token ids (N, L) and a table (V, D) to (N, D, L). See {@link EmbeddingOp}. */
    public static Tensor embedding(Tensor ids, Tensor table, int paddingIndex) {
        return EmbeddingOp.apply(ids, table, paddingIndex);
    }

    // ---- layer catalogue: normalisation ---------------------------------------------------------

    /** Batch statistics; updates the running ones. See {@link BatchNormOp}. */
    public static Tensor batchNormTrain(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar,
                                        float momentum, float eps) {
        return BatchNormOp.train(x, gamma, beta, runningMean, runningVar, momentum, eps);
    }

    /** Running statistics. See {@link BatchNormOp}. */
    public static Tensor batchNormEval(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar, float eps) {
        return BatchNormOp.eval(x, gamma, beta, runningMean, runningVar, eps);
    }

    public static Tensor groupNorm(Tensor x, Tensor gamma, Tensor beta, int groups, float eps) {
        return GroupNormOp.apply(x, gamma, beta, groups, eps);
    }

    /** Instance normalisation: group normalisation with one group per channel. */
    public static Tensor instanceNorm(Tensor x, Tensor gamma, Tensor beta, float eps) {
        return GroupNormOp.apply(x, gamma, beta, x.dim(1), eps);
    }

    /** Normalises over the trailing {@code size} values of each sample. See {@link LayerNormOp}. */
    public static Tensor layerNorm(Tensor x, Tensor gamma, Tensor beta, int size, float eps) {
        return LayerNormOp.apply(x, gamma, beta, size, eps);
    }

    public static Tensor localResponseNorm(Tensor x, int size, float alpha, float beta, float k) {
        return LocalResponseNormOp.apply(x, size, alpha, beta, k);
    }

    // ---- layer catalogue: activations -----------------------------------------------------------

    public static Tensor leakyRelu(Tensor x, float alpha) {
        return ActivationOps.leakyRelu(x, alpha);
    }

    public static Tensor prelu(Tensor x, Tensor slope) {
        return PReluOp.apply(x, slope);
    }

    public static Tensor elu(Tensor x, float alpha) {
        return ActivationOps.elu(x, alpha);
    }

    public static Tensor selu(Tensor x) {
        return ActivationOps.selu(x);
    }

    public static Tensor sigmoid(Tensor x) {
        return ActivationOps.sigmoid(x);
    }

    public static Tensor tanh(Tensor x) {
        return ActivationOps.tanh(x);
    }

    public static Tensor hardSigmoid(Tensor x, float alpha, float beta) {
        return ActivationOps.hardSigmoid(x, alpha, beta);
    }

    public static Tensor hardSwish(Tensor x) {
        return ActivationOps.hardSwish(x);
    }

    public static Tensor softplus(Tensor x) {
        return ActivationOps.softplus(x);
    }

    public static Tensor logSoftmax(Tensor x) {
        return LogSoftmaxOp.apply(x);
    }

    public static Tensor maxout(Tensor x, int pieces) {
        return MaxoutOp.apply(x, pieces);
    }

    private static void check1d(String op, Tensor x, Padding padding) {
        if (x.rank() != 3) throw new IllegalArgumentException(op + " expects input (N, C, L), got " + dev.beak.tensor.Shape.toString(x.shape()));
        if (padding instanceof Padding.Explicit e && (e.top() != 0 || e.bottom() != 0)) {
            throw new IllegalArgumentException(op + ": 1-d padding is Explicit(0, 0, before, after), got " + padding);
        }
    }

    private static Tensor to2d(Tensor x) {
        return ReshapeOp.apply(x, x.dim(0), x.dim(1), 1, x.dim(2));
    }

    private static Tensor from2d(Tensor y) {
        return ReshapeOp.apply(y, y.dim(0), y.dim(1), y.dim(3));
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

    // ---- plumbing ops (broadcasting arithmetic, data movement, reductions, resizing) ----------

    /** Broadcasting binary op; see {@link BroadcastOp}. */
    public static Tensor binary(BroadcastOp.Kind kind, Tensor a, Tensor b) {
        return BroadcastOp.apply(kind, a, b);
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

    /** Average pooling over 1 to 3 spatial axes with dilation and ceil mode; see {@link PoolNdOp}. */
    public static Tensor avgPoolNd(Tensor x, int[] kernel, int[] stride, int[] dilation, int[] before, int[] after,
                                   boolean ceilMode, boolean countIncludePad) {
        return PoolNdOp.avg(x, kernel, stride, dilation, before, after, ceilMode, countIncludePad);
    }

    /** p-norm pooling over 1 to 3 spatial axes with dilation and ceil mode; see {@link PoolNdOp}. */
    public static Tensor lpPoolNd(Tensor x, float p, int[] kernel, int[] stride, int[] dilation, int[] before, int[] after,
                                  boolean ceilMode) {
        return PoolNdOp.lp(x, p, kernel, stride, dilation, before, after, ceilMode);
    }

    /** Transposed convolution over 1 to 3 spatial axes; w (C, F/groups, K...). See {@link ConvTransposeNdOp}. */
    public static Tensor convTransposeNd(Tensor x, Tensor w, Tensor b, int[] stride, int[] dilation, int[] before, int[] after,
                                         int[] outputPadding, int groups) {
        return ConvTransposeNdOp.apply(x, w, b, stride, dilation, before, after, outputPadding, groups);
    }
}
