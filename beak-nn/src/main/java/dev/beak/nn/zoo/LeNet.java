package dev.beak.nn.zoo;

import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;

/**
 * LeNet-5 (LeCun, Bottou, Bengio and Haffner, 1998, "Gradient-Based Learning Applied to Document
 * Recognition") in its common modern rendition: C1 conv 6 5x5 + tanh, S2 average pool 2, C3 conv 16
 * 5x5 + tanh, S4 average pool 2, C5 as Dense 120 + tanh (on a 32x32 input C5's 5x5 kernel covers the
 * whole 16x5x5 map, so it is the same layer), F6 Dense 84 + tanh, Dense {@code classes} (logits).
 * Unlike the paper, C3 connects to all six maps (the paper's table connects each to 3-6 of them), the
 * pools have no trainable scale and bias, and the output is a Dense layer rather than RBF units.
 *
 * <p>Input (1, 32, 32); 61,706 parameters for 10 classes.
 */
public final class LeNet {
    private LeNet() {}

    public static Model network(NetworkOptions o) {
        return Sequential.of(
                Layers.conv2d(o.channels(6), 5).withActivation(Activation.TANH), Layers.avgPool2d(2),
                Layers.conv2d(o.channels(16), 5).withActivation(Activation.TANH), Layers.avgPool2d(2),
                Layers.flatten(),
                Layers.dense(o.channels(120), Activation.TANH),
                Layers.dense(o.channels(84), Activation.TANH),
                Layers.dense(o.classes())).named("lenet5").seed(o.seed()).lazy();
    }

    /** 10 classes, (1, 32, 32). */
    public static NetworkOptions defaults() {
        return NetworkOptions.imageNet().withClasses(10).withInputShape(1, 32, 32);
    }
}
