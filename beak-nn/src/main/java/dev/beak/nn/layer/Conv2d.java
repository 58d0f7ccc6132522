package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * 2-d convolution layer, optionally grouped (depthwise when groups = C; Howard et al., 2017) and
 * followed by an activation (Keras' {@code activation=}).
 *
 * <p>Shapes: input (N, C, H, W); weight (F, C/groups, kH, kW); bias (F); output (N, F, oH, oW) with
 * {@code oH = floor((H + padTop + padBottom - dilationH*(kH-1) - 1) / strideH) + 1}, and
 * {@code oH = ceil(H / strideH)} for {@link Padding#SAME}. C is inferred from the input; groups
 * divides C and F. Kernel initializer default glorot uniform, bias zeros (Keras').
 */
public record Conv2d(int filters, int kernelH, int kernelW, int strideH, int strideW,
                     int dilationH, int dilationW, Padding padding, boolean useBias,
                     Activation activation, int groups, Initializer kernelInitializer,
                     Initializer biasInitializer) implements LayerSpec {
    public Conv2d {
        if (filters < 1) throw new IllegalArgumentException("Conv2d filters must be >= 1, got " + filters);
        if (groups < 1 || filters % groups != 0) throw new IllegalArgumentException("Conv2d: groups " + groups + " must divide filters " + filters);
        Window2d.of(new int[] {1, 1, kernelH, kernelW}, kernelH, kernelW, strideH, strideW, 1, 1, Padding.VALID);
    }

    public Conv2d(int filters, int kernelH, int kernelW, int strideH, int strideW, int dilationH, int dilationW,
                  Padding padding, boolean useBias, Activation activation) {
        this(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, useBias, activation, 1,
                Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
    }

    public Conv2d withPadding(Padding p) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, p, useBias, activation, groups, kernelInitializer, biasInitializer);
    }

    public Conv2d withStride(int s) {
        return new Conv2d(filters, kernelH, kernelW, s, s, dilationH, dilationW, padding, useBias, activation, groups, kernelInitializer, biasInitializer);
    }

    public Conv2d withDilation(int d) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, d, d, padding, useBias, activation, groups, kernelInitializer, biasInitializer);
    }

    public Conv2d withBias(boolean b) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, b, activation, groups, kernelInitializer, biasInitializer);
    }

    public Conv2d withActivation(Activation a) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, useBias, a, groups, kernelInitializer, biasInitializer);
    }

    /** Grouped convolution; {@code g} = C gives a depthwise convolution. */
    public Conv2d withGroups(int g) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, useBias, activation, g, kernelInitializer, biasInitializer);
    }

    public Conv2d withKernelInitializer(Initializer i) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, useBias, activation, groups, i, biasInitializer);
    }

    public Conv2d withBiasInitializer(Initializer i) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, useBias, activation, groups, kernelInitializer, i);
    }

    @Override public String baseName() { return "conv2d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.image(type(), inputs);
        if (in[0] % groups != 0) {
            throw new IllegalArgumentException("Conv2d: input " + Shape.toString(in) + " has " + in[0] + " channels, not divisible into " + groups + " groups");
        }
        Window2d g = Window2d.of(new int[] {1, in[0], in[1], in[2]}, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding);
        return new int[] {filters, g.oH(), g.oW()};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        int c = Shapes.image(type(), inputs)[0] / groups, area = kernelH * kernelW;
        Tensor w = kernelInitializer.create(rng, c * area, filters * area, filters, c, kernelH, kernelW);
        Tensor b = useBias ? biasInitializer.create(rng, c * area, filters * area, filters) : null;
        return new WeightedLayer(w, b, x -> activation.apply(Ops.conv2d(x, w, b, strideH, strideW, dilationH, dilationW, padding, groups)));
    }
}
