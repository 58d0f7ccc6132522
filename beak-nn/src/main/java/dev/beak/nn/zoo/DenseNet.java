package dev.beak.nn.zoo;

import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

import java.util.List;
import java.util.Map;

/**
 * DenseNet-BC (Huang et al., 2017, "Densely Connected Convolutional Networks") in torchvision's layout:
 * conv 64 7x7/2 (no bias), batch norm, ReLU, max pool 3/2 pad 1; four dense blocks joined by
 * transitions (batch norm, ReLU, 1x1 conv halving the channels, average pool 2/2); a final batch norm
 * and ReLU, global average pool, Dense {@code classes}. A dense layer is batch norm, ReLU, 1x1 conv to
 * 4 * growth channels, batch norm, ReLU, 3x3 conv to growth (32) channels, concatenated to its input,
 * so each layer reads the maps of every layer before it in the block. DenseNet-121 has blocks of 6, 12,
 * 24, 16 layers: 7,978,856 parameters for 1000 classes at (3, 224, 224); 169 and 201 are 6-12-32-32
 * and 6-12-48-32. The width scales the growth rate and the first conv.
 */
public final class DenseNet {
    private static final Map<Integer, int[]> BLOCKS = Map.of(121, new int[] {6, 12, 24, 16}, 169, new int[] {6, 12, 32, 32},
            201, new int[] {6, 12, 48, 32});

    private DenseNet() {}

    public static Model network(int depth, NetworkOptions o) {
        int[] blocks = BLOCKS.get(depth);
        if (blocks == null) throw new IllegalArgumentException("DenseNet comes in depths 121, 169 and 201, not " + depth);
        int growth = o.channels(32);
        SymbolicTensor in = Functional.input(o.inputShape());
        SymbolicTensor x = in.then("conv0", Layers.conv2d(o.channels(64), 7).withStride(2).withPadding(Padding.of(3)).withBias(false))
                .then("norm0", Layers.batchNorm2d()).then("relu0", Layers.relu())
                .then("pool0", Layers.maxPool2d(3).withStride(2).withPadding(Padding.of(1)));
        for (int b = 0; b < blocks.length; b++) {
            for (int l = 0; l < blocks[b]; l++) x = denseLayer("denseblock" + (b + 1) + ".layer" + (l + 1), x, growth);
            if (b < blocks.length - 1) {
                String t = "transition" + (b + 1);
                x = x.then(t + ".norm", Layers.batchNorm2d()).then(t + ".relu", Layers.relu())
                        .then(t + ".conv", Layers.conv2d(x.shape()[0] / 2, 1).withBias(false)).then(t + ".pool", Layers.avgPool2d(2));
            }
        }
        SymbolicTensor out = x.then("norm5", Layers.batchNorm2d()).then("relu5", Layers.relu())
                .then("avgpool", Layers.globalAvgPool()).then("classifier", Layers.dense(o.classes()));
        return Functional.lazyModel("densenet" + depth, List.of(in), List.of(out), o.seed());
    }

    /** The input and {@code growth} new maps: BN, ReLU, 1x1 conv 4 * growth, BN, ReLU, 3x3 conv growth, concatenated. */
    public static SymbolicTensor denseLayer(String name, SymbolicTensor x, int growth) {
        SymbolicTensor h = x.then(name + ".norm1", Layers.batchNorm2d()).then(name + ".relu1", Layers.relu())
                .then(name + ".conv1", Layers.conv2d(4 * growth, 1).withBias(false))
                .then(name + ".norm2", Layers.batchNorm2d()).then(name + ".relu2", Layers.relu())
                .then(name + ".conv2", Layers.conv2d(growth, 3).withPadding(Padding.of(1)).withBias(false));
        return Functional.apply(name + ".concat", new Concat(0), x, h);
    }
}
