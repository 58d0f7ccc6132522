package dev.beak.nn.zoo;

import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

/**
 * ZFNet (Zeiler and Fergus, 2014, "Visualizing and Understanding Convolutional Networks", figure 3):
 * AlexNet with a smaller, denser first layer. Conv 96 7x7/2 pad 1 to 110x110, max pool 3/2 pad 1 to
 * 55x55, LRN, conv 256 5x5/2 to 26x26, max pool 3/2 pad 1 to 13x13, LRN, conv 384, 384, 256 3x3 pad 1,
 * max pool 3/2 to (256, 6, 6), Dense 4096, Dropout 0.5, Dense 4096, Dropout 0.5, Dense {@code classes};
 * ReLU after every conv and hidden Dense; LRN as AlexNet's (size 5, alpha 5e-4 here, beta 0.75, k 2).
 * Input (3, 224, 224); 62,357,608 parameters for 1000 classes (the paper's layout; it has no
 * reference implementation to match).
 */
public final class ZfNet {
    private ZfNet() {}

    public static Model network(NetworkOptions o) {
        return Sequential.of(
                conv(o.channels(96), 7, 2, 1), pool(1), lrn(),
                conv(o.channels(256), 5, 2, 0), pool(1), lrn(),
                conv(o.channels(384), 3, 1, 1), conv(o.channels(384), 3, 1, 1), conv(o.channels(256), 3, 1, 1), pool(0),
                Layers.flatten(),
                Layers.dense(o.channels(4096), Activation.RELU), Layers.dropout(0.5f),
                Layers.dense(o.channels(4096), Activation.RELU), Layers.dropout(0.5f),
                Layers.dense(o.classes())).named("zfnet").seed(o.seed()).lazy();
    }

    private static dev.beak.nn.layer.Conv2d conv(int filters, int k, int stride, int pad) {
        return Layers.conv2d(filters, k).withStride(stride).withPadding(Padding.of(pad)).withActivation(Activation.RELU);
    }

    private static dev.beak.nn.layer.MaxPool2d pool(int pad) {
        return Layers.maxPool2d(3).withStride(2).withPadding(Padding.of(pad));
    }

    private static dev.beak.nn.layer.LocalResponseNorm lrn() {
        return Layers.localResponseNorm(5, 5e-4f, 0.75f, 2f);
    }
}
