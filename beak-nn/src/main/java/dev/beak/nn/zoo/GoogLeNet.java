package dev.beak.nn.zoo;

import dev.beak.nn.Functional;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.Conv2d;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

/**
 * GoogLeNet's building block (Szegedy et al., 2015, "Going Deeper with Convolutions"): four parallel
 * branches over the same input, concatenated over channels.
 *
 * <p>Shapes: input (N, C, H, W); output (N, c1 + c3 + c5 + poolProjection, H, W). Branches: 1x1 conv;
 * 1x1 reduce then 3x3 conv; 1x1 reduce then 5x5 conv; 3x3 max pool (stride 1, same) then 1x1
 * projection; every conv with ReLU and same padding. Inception (3a) of the paper is
 * {@code inception("inception_3a", x, 64, 96, 128, 16, 32, 32)} on a (192, 28, 28) input.
 */
public final class GoogLeNet {
    private GoogLeNet() {}

    /** One Inception module; its layers are named {@code name/1x1}, {@code name/3x3_reduce}, ... */
    public static SymbolicTensor inception(String name, SymbolicTensor x, int c1, int c3Reduce, int c3, int c5Reduce, int c5,
                                           int poolProjection) {
        SymbolicTensor b1 = x.then(name + "/1x1", conv(c1, 1));
        SymbolicTensor b3 = x.then(name + "/3x3_reduce", conv(c3Reduce, 1)).then(name + "/3x3", conv(c3, 3));
        SymbolicTensor b5 = x.then(name + "/5x5_reduce", conv(c5Reduce, 1)).then(name + "/5x5", conv(c5, 5));
        SymbolicTensor bp = x.then(name + "/pool", Layers.maxPool2d(3).withStride(1).withPadding(Padding.SAME))
                .then(name + "/pool_proj", conv(poolProjection, 1));
        return Functional.apply(name + "/output", new Concat(0), b1, b3, b5, bp);
    }

    private static Conv2d conv(int filters, int k) {
        return Layers.conv2d(filters, k).withPadding(Padding.SAME).withActivation(Activation.RELU);
    }
}
