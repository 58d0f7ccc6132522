package dev.beak.nn.layer;

import dev.beak.ops.Padding;

/**
 * Static factories with Keras' defaults: {@code Layers.conv2d(32, 5).withPadding(Padding.SAME)}.
 */
public final class Layers {
    private Layers() {}

    /** k x k convolution, stride 1, valid padding, with bias. */
    public static Conv2d conv2d(int filters, int k) {
        return new Conv2d(filters, k, k, 1, 1, 1, 1, Padding.VALID, true, Activation.LINEAR);
    }

    /** Max pooling over p x p windows with stride p. */
    public static MaxPool2d maxPool2d(int p) {
        return new MaxPool2d(p, p, p, p, Padding.VALID);
    }

    public static Flatten flatten() {
        return new Flatten();
    }

    /** Dense layer without activation (logits), with bias. */
    public static Dense dense(int units) {
        return new Dense(units, Activation.LINEAR, true);
    }

    public static Dense dense(int units, Activation activation) {
        return new Dense(units, activation, true);
    }

    public static ActivationLayer relu() {
        return new ActivationLayer(Activation.RELU);
    }

    public static ActivationLayer softmax() {
        return new ActivationLayer(Activation.SOFTMAX);
    }

    public static Dropout dropout(float rate) {
        return new Dropout(rate);
    }
}
