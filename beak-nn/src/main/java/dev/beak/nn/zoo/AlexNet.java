package dev.beak.nn.zoo;

import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

/**
 * AlexNet (Krizhevsky, Sutskever and Hinton, 2012, "ImageNet Classification with Deep Convolutional
 * Neural Networks") in two layouts.
 *
 * <ul>
 * <li>{@link #network}: torchvision's (from "One weird trick", Krizhevsky 2014): conv 64 11x11/4 pad 2,
 *     max pool 3/2, conv 192 5x5 pad 2, max pool 3/2, conv 384, 256, 256 3x3 pad 1, max pool 3/2 to
 *     (256, 6, 6), then Dropout 0.5, Dense 4096, Dropout 0.5, Dense 4096, Dense {@code classes}; ReLU
 *     after every conv and hidden Dense. 61,100,840 parameters at (3, 224, 224) and 1000 classes.
 *     torchvision's adaptive average pool to 6x6 is left out: it does nothing at 224x224.</li>
 * <li>{@link #tflearn}: the original single-tower network with local response normalisation, as
 *     TFLearn's 17 Oxford flowers example writes it: conv 96 11x11/4, max pool 3/2, LRN, conv 256 5x5,
 *     max pool 3/2, LRN, conv 384, 384, 256 3x3, max pool 3/2, LRN, Dense 4096 tanh, Dropout 0.5,
 *     Dense 4096 tanh, Dropout 0.5, Dense {@code classes}; same padding everywhere (TFLearn's default),
 *     ReLU after every conv, input (3, 227, 227), 17 classes. TensorFlow's LRN (depth radius 5, alpha
 *     1e-4, bias 1, beta 0.75) is a window of 11 channels with alpha 1.1e-3 in Beak's
 *     (PyTorch's) form, which divides alpha by the window. The example trains with SGD, momentum 0.9,
 *     learning rate 0.001.</li>
 * </ul>
 */
public final class AlexNet {
    private AlexNet() {}

    public static Model network(NetworkOptions o) {
        return Sequential.of(
                conv(o.channels(64), 11, 4, 2), pool(),
                conv(o.channels(192), 5, 1, 2), pool(),
                conv(o.channels(384), 3, 1, 1), conv(o.channels(256), 3, 1, 1), conv(o.channels(256), 3, 1, 1), pool(),
                Layers.flatten(),
                Layers.dropout(0.5f), Layers.dense(o.channels(4096), Activation.RELU),
                Layers.dropout(0.5f), Layers.dense(o.channels(4096), Activation.RELU),
                Layers.dense(o.classes())).named("alexnet").seed(o.seed()).lazy();
    }

    public static Model tflearn(NetworkOptions o) {
        return Sequential.of(
                same(o.channels(96), 11, 4), samePool(), lrn(),
                same(o.channels(256), 5, 1), samePool(), lrn(),
                same(o.channels(384), 3, 1), same(o.channels(384), 3, 1), same(o.channels(256), 3, 1), samePool(), lrn(),
                Layers.flatten(),
                Layers.dense(o.channels(4096), Activation.TANH), Layers.dropout(0.5f),
                Layers.dense(o.channels(4096), Activation.TANH), Layers.dropout(0.5f),
                Layers.dense(o.classes())).named("alexnet-tflearn").seed(o.seed()).lazy();
    }

    /** TFLearn's example: 17 classes, (3, 227, 227). */
    public static NetworkOptions tflearnDefaults() {
        return NetworkOptions.imageNet().withClasses(17).withInputShape(3, 227, 227);
    }

    private static dev.beak.nn.layer.Conv2d conv(int filters, int k, int stride, int pad) {
        return Layers.conv2d(filters, k).withStride(stride).withPadding(Padding.of(pad)).withActivation(Activation.RELU);
    }

    private static dev.beak.nn.layer.Conv2d same(int filters, int k, int stride) {
        return Layers.conv2d(filters, k).withStride(stride).withPadding(Padding.SAME).withActivation(Activation.RELU);
    }

    private static dev.beak.nn.layer.MaxPool2d pool() {
        return Layers.maxPool2d(3).withStride(2);
    }

    private static dev.beak.nn.layer.MaxPool2d samePool() {
        return Layers.maxPool2d(3).withStride(2).withPadding(Padding.SAME);
    }

    private static dev.beak.nn.layer.LocalResponseNorm lrn() {
        return Layers.localResponseNorm(11, 11e-4f, 0.75f, 1f);
    }
}
