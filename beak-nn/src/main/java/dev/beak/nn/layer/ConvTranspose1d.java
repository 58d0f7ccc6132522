package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Transposed 1-d convolution (Dumoulin and Visin, 2016), PyTorch's ConvTranspose1d.
 *
 * <p>Shapes: input (N, C, L); weight (C, F/groups, k); bias (F); output (N, F, oL) with
 * {@code oL = (L - 1) * stride - padBegin - padEnd + dilation * (k - 1) + outputPadding + 1}.
 */
public record ConvTranspose1d(int filters, int kernel, int stride, int dilation, int padBegin, int padEnd, int outputPadding,
                              int groups, boolean useBias, Activation activation, Initializer kernelInitializer,
                              Initializer biasInitializer) implements LayerSpec {
    public ConvTranspose1d {
        if (filters < 1 || groups < 1 || filters % groups != 0 || kernel < 1 || stride < 1 || dilation < 1 || padBegin < 0 || padEnd < 0
                || outputPadding < 0 || outputPadding >= Math.max(stride, dilation)) {
            throw new IllegalArgumentException("ConvTranspose1d: bad configuration (filters " + filters + ", groups " + groups + ", kernel " + kernel
                    + ", stride " + stride + ", dilation " + dilation + ", padding " + padBegin + "/" + padEnd + ", output padding " + outputPadding + ")");
        }
    }

    public ConvTranspose1d withStride(int s) {
        return new ConvTranspose1d(filters, kernel, s, dilation, padBegin, padEnd, outputPadding, groups, useBias, activation, kernelInitializer, biasInitializer);
    }

    public ConvTranspose1d withPadding(int p) {
        return new ConvTranspose1d(filters, kernel, stride, dilation, p, p, outputPadding, groups, useBias, activation, kernelInitializer, biasInitializer);
    }

    public ConvTranspose1d withOutputPadding(int op) {
        return new ConvTranspose1d(filters, kernel, stride, dilation, padBegin, padEnd, op, groups, useBias, activation, kernelInitializer, biasInitializer);
    }

    public ConvTranspose1d withGroups(int g) {
        return new ConvTranspose1d(filters, kernel, stride, dilation, padBegin, padEnd, outputPadding, g, useBias, activation, kernelInitializer, biasInitializer);
    }

    public ConvTranspose1d withBias(boolean b) {
        return new ConvTranspose1d(filters, kernel, stride, dilation, padBegin, padEnd, outputPadding, groups, b, activation, kernelInitializer, biasInitializer);
    }

    public ConvTranspose1d withKernelInitializer(Initializer i) {
        return new ConvTranspose1d(filters, kernel, stride, dilation, padBegin, padEnd, outputPadding, groups, useBias, activation, i, biasInitializer);
    }

    public ConvTranspose1d withBiasInitializer(Initializer i) {
        return new ConvTranspose1d(filters, kernel, stride, dilation, padBegin, padEnd, outputPadding, groups, useBias, activation, kernelInitializer, i);
    }

    @Override public String baseName() { return "conv1d_transpose"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes1d.sequence(type(), inputs);
        int oL = (in[1] - 1) * stride - padBegin - padEnd + dilation * (kernel - 1) + outputPadding + 1;
        if (in[0] % groups != 0 || oL < 1) {
            throw new IllegalArgumentException("ConvTranspose1d: input " + Shape.toString(in) + " gives output length " + oL + " with " + groups + " groups");
        }
        return new int[] {filters, oL};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int c = Shapes1d.sequence(type(), inputs)[0], fg = filters / groups;
        outputShape(inputs);
        Tensor w = kernelInitializer.create(rng, fg * kernel, c * kernel, c, fg, kernel);
        Tensor b = useBias ? biasInitializer.create(rng, fg * kernel, c * kernel, filters) : null;
        return new WeightedLayer(w, b, x -> activation.apply(Ops.convTranspose1d(x, w, b, stride, dilation, padBegin, padEnd, outputPadding, groups)));
    }
}
