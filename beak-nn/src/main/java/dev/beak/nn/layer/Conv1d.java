package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * 1-d convolution (over sequences: text, audio, signals), optionally grouped, then an activation.
 *
 * <p>Shapes: input (N, C, L); weight (F, C/groups, k); bias (F); output (N, F, oL) with
 * {@code oL = floor((L + before + after - dilation*(k-1) - 1) / stride) + 1}, {@code ceil(L / stride)}
 * for SAME. Padding: VALID, SAME, or {@code new Padding.Explicit(0, 0, before, after)}.
 */
public record Conv1d(int filters, int kernel, int stride, int dilation, Padding padding, int groups, boolean useBias,
                     Activation activation, Initializer kernelInitializer, Initializer biasInitializer) implements LayerSpec {
    public Conv1d {
        if (filters < 1 || groups < 1 || filters % groups != 0) {
            throw new IllegalArgumentException("Conv1d needs filters >= 1 divisible by groups, got " + filters + " and " + groups);
        }
        Shapes1d.check1d("Conv1d", kernel, stride, dilation, padding);
    }

    public Conv1d withStride(int s) {
        return new Conv1d(filters, kernel, s, dilation, padding, groups, useBias, activation, kernelInitializer, biasInitializer);
    }

    public Conv1d withDilation(int d) {
        return new Conv1d(filters, kernel, stride, d, padding, groups, useBias, activation, kernelInitializer, biasInitializer);
    }

    public Conv1d withPadding(Padding p) {
        return new Conv1d(filters, kernel, stride, dilation, p, groups, useBias, activation, kernelInitializer, biasInitializer);
    }

    public Conv1d withGroups(int g) {
        return new Conv1d(filters, kernel, stride, dilation, padding, g, useBias, activation, kernelInitializer, biasInitializer);
    }

    public Conv1d withBias(boolean b) {
        return new Conv1d(filters, kernel, stride, dilation, padding, groups, b, activation, kernelInitializer, biasInitializer);
    }

    public Conv1d withActivation(Activation a) {
        return new Conv1d(filters, kernel, stride, dilation, padding, groups, useBias, a, kernelInitializer, biasInitializer);
    }

    public Conv1d withKernelInitializer(Initializer i) {
        return new Conv1d(filters, kernel, stride, dilation, padding, groups, useBias, activation, i, biasInitializer);
    }

    public Conv1d withBiasInitializer(Initializer i) {
        return new Conv1d(filters, kernel, stride, dilation, padding, groups, useBias, activation, kernelInitializer, i);
    }

    @Override public String baseName() { return "conv1d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes1d.sequence(type(), inputs);
        if (in[0] % groups != 0) throw new IllegalArgumentException("Conv1d: input " + Shape.toString(in) + " has " + in[0] + " channels, not divisible into " + groups + " groups");
        return new int[] {filters, Window2d.of(new int[] {1, in[0], 1, in[1]}, 1, kernel, 1, stride, 1, dilation, padding).oW()};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int c = Shapes1d.sequence(type(), inputs)[0] / groups;
        outputShape(inputs);
        Tensor w = kernelInitializer.create(rng, c * kernel, filters * kernel, filters, c, kernel);
        Tensor b = useBias ? biasInitializer.create(rng, c * kernel, filters * kernel, filters) : null;
        return new WeightedLayer(w, b, x -> activation.apply(Ops.conv1d(x, w, b, stride, dilation, padding, groups)));
    }
}
