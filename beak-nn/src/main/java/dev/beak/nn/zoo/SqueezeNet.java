package dev.beak.nn.zoo;

import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

import java.util.List;

/**
 * SqueezeNet 1.1 (Iandola et al., 2016, "SqueezeNet: AlexNet-level accuracy with 50x fewer parameters
 * and <0.5MB model size"; version 1.1 from the authors' repository) in torchvision's layout: conv 64
 * 3x3/2, max pool 3/2 (ceil mode), fire modules 2-3, max pool, fire 4-5, max pool, fire 6-9, then
 * Dropout 0.5, a 1x1 conv to {@code classes} + ReLU and a global average pool (no Dense layer). A
 * fire module squeezes with a 1x1 conv and expands with a 1x1 and a 3x3 conv whose outputs are
 * concatenated; every conv has a bias and ReLU. Input (3, 224, 224); 1,235,496 parameters for 1000
 * classes.
 */
public final class SqueezeNet {
    /** Squeeze and expand (each of 1x1 and 3x3) filters of fire modules 2-9; 0 stands for a max pool. */
    private static final int[][] FIRES = {{16, 64}, {16, 64}, {0, 0}, {32, 128}, {32, 128}, {0, 0}, {48, 192}, {48, 192}, {64, 256}, {64, 256}};

    private SqueezeNet() {}

    public static Model network(NetworkOptions o) {
        SymbolicTensor in = Functional.input(o.inputShape());
        SymbolicTensor x = in.then("conv1", Layers.conv2d(o.channels(64), 3).withStride(2).withActivation(Activation.RELU)).then("pool1", pool());
        int fire = 2, pool = 2;
        for (int[] f : FIRES) {
            x = f[0] == 0 ? x.then("pool" + pool++, pool()) : fire("fire" + fire++, x, o.channels(f[0]), o.channels(f[1]));
        }
        SymbolicTensor out = x.then("dropout", Layers.dropout(0.5f))
                .then("conv10", Layers.conv2d(o.classes(), 1).withActivation(Activation.RELU))
                .then("avgpool", Layers.globalAvgPool());
        return Functional.lazyModel("squeezenet1.1", List.of(in), List.of(out), o.seed());
    }

    /** Squeeze 1x1 + ReLU, then expand 1x1 + ReLU and 3x3 (pad 1) + ReLU, concatenated: 2 * {@code expand} channels. */
    public static SymbolicTensor fire(String name, SymbolicTensor x, int squeeze, int expand) {
        SymbolicTensor s = x.then(name + ".squeeze", Layers.conv2d(squeeze, 1).withActivation(Activation.RELU));
        SymbolicTensor e1 = s.then(name + ".expand1x1", Layers.conv2d(expand, 1).withActivation(Activation.RELU));
        SymbolicTensor e3 = s.then(name + ".expand3x3", Layers.conv2d(expand, 3).withPadding(Padding.of(1)).withActivation(Activation.RELU));
        return Functional.apply(name + ".concat", new Concat(0), e1, e3);
    }

    private static dev.beak.nn.layer.MaxPool2d pool() {
        return Layers.maxPool2d(3).withStride(2).withCeilMode(true);
    }
}
