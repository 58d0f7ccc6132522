package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Transposed 2-d convolution (Dumoulin and Visin, 2016), PyTorch's ConvTranspose2d: upsampling by a
 * learned kernel, the input-gradient of a convolution with the same parameters.
 *
 * <p>Shapes: input (N, C, H, W); weight (C, F/groups, kH, kW); bias (F); output (N, F, oH, oW) with
 * {@code oH = (H - 1) * strideH - padTop - padBottom + dilationH * (kH - 1) + outputPaddingH + 1}
 * (same for W). Padding is explicit (PyTorch's {@code padding}, ONNX's {@code pads}); output padding must be below stride or dilation.
 */
public record ConvTranspose2d(int filters, int kernelH, int kernelW, int strideH, int strideW, int dilationH, int dilationW,
                              Padding.Explicit padding, int outputPaddingH, int outputPaddingW, int groups, boolean useBias,
                              Activation activation, Initializer kernelInitializer, Initializer biasInitializer) implements LayerSpec {
    public ConvTranspose2d {
        java.util.Objects.requireNonNull(padding, "ConvTranspose2d padding");
        if (filters < 1 || groups < 1 || filters % groups != 0 || kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1
                || dilationH < 1 || dilationW < 1) {
            throw new IllegalArgumentException("ConvTranspose2d: bad configuration (filters " + filters + ", groups " + groups + ", kernel "
                    + kernelH + "x" + kernelW + ", stride " + strideH + "x" + strideW + ", dilation " + dilationH + "x" + dilationW + ")");
        }
        if (outputPaddingH < 0 || outputPaddingW < 0 || outputPaddingH >= Math.max(strideH, dilationH) || outputPaddingW >= Math.max(strideW, dilationW)) {
            throw new IllegalArgumentException("ConvTranspose2d: output padding " + outputPaddingH + "x" + outputPaddingW + " must be smaller than the stride or the dilation");
        }
    }

    public ConvTranspose2d withStride(int s) {
        return new ConvTranspose2d(filters, kernelH, kernelW, s, s, dilationH, dilationW, padding, outputPaddingH, outputPaddingW, groups, useBias, activation, kernelInitializer, biasInitializer);
    }

    /** Symmetric padding p on every side (PyTorch's {@code padding=p}). */
    public ConvTranspose2d withPadding(int p) {
        return new ConvTranspose2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, new Padding.Explicit(p, p, p, p), outputPaddingH, outputPaddingW, groups, useBias, activation, kernelInitializer, biasInitializer);
    }

    public ConvTranspose2d withOutputPadding(int op) {
        return new ConvTranspose2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, op, op, groups, useBias, activation, kernelInitializer, biasInitializer);
    }

    public ConvTranspose2d withDilation(int d) {
        return new ConvTranspose2d(filters, kernelH, kernelW, strideH, strideW, d, d, padding, outputPaddingH, outputPaddingW, groups, useBias, activation, kernelInitializer, biasInitializer);
    }

    public ConvTranspose2d withGroups(int g) {
        return new ConvTranspose2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, outputPaddingH, outputPaddingW, g, useBias, activation, kernelInitializer, biasInitializer);
    }

    public ConvTranspose2d withActivation(Activation a) {
        return new ConvTranspose2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, outputPaddingH, outputPaddingW, groups, useBias, a, kernelInitializer, biasInitializer);
    }

    public ConvTranspose2d withBias(boolean b) {
        return new ConvTranspose2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, outputPaddingH, outputPaddingW, groups, b, activation, kernelInitializer, biasInitializer);
    }

    public ConvTranspose2d withKernelInitializer(Initializer i) {
        return new ConvTranspose2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, outputPaddingH, outputPaddingW, groups, useBias, activation, i, biasInitializer);
    }

    public ConvTranspose2d withBiasInitializer(Initializer i) {
        return new ConvTranspose2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, outputPaddingH, outputPaddingW, groups, useBias, activation, kernelInitializer, i);
    }

    @Override public String baseName() { return "conv2d_transpose"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.image(type(), inputs);
        int oH = (in[1] - 1) * strideH - padding.top() - padding.bottom() + dilationH * (kernelH - 1) + outputPaddingH + 1;
        int oW = (in[2] - 1) * strideW - padding.left() - padding.right() + dilationW * (kernelW - 1) + outputPaddingW + 1;
        if (in[0] % groups != 0 || oH < 1 || oW < 1) {
            throw new IllegalArgumentException("ConvTranspose2d: input " + Shape.toString(in) + " gives output " + oH + "x" + oW
                    + " with " + groups + " groups (channels must divide into the groups, the output must not be empty)");
        }
        return new int[] {filters, oH, oW};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int c = Shapes.image(type(), inputs)[0], fg = filters / groups, area = kernelH * kernelW;
        outputShape(inputs);
        int[] p = {padding.top(), padding.bottom(), padding.left(), padding.right()}, op = {outputPaddingH, outputPaddingW};
        Tensor w = kernelInitializer.create(rng, fg * area, c * area, c, fg, kernelH, kernelW);
        Tensor b = useBias ? biasInitializer.create(rng, fg * area, c * area, filters) : null;
        return new WeightedLayer(w, b, x -> activation.apply(Ops.convTranspose2d(x, w, b, strideH, strideW, dilationH, dilationW, p, op, groups)));
    }
}
