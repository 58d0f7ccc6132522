package dev.beak.nn.zoo;

import dev.beak.tensor.Shape;

import java.util.Arrays;

/**
 * The options every zoo network takes: the number of classes, the per-sample input shape (C, H, W),
 * a width multiplier and the seed of its weights. Width 1 is the reference layout; another width
 * scales the channels of every hidden layer (MobileNetV2 rounds them to multiples of 8, as its paper
 * does; the other families have no official width, so the parameter counts of the references hold at
 * width 1 only). A smaller width or input is how the tests train the big networks quickly.
 *
 * {@snippet :
 * NetworkOptions o = NetworkOptions.imageNet().withClasses(17).withInputShape(3, 227, 227);
 * }
 */
public record NetworkOptions(int classes, int[] inputShape, float width, long seed) {
    public NetworkOptions {
        if (classes < 1) throw new IllegalArgumentException("a network needs at least one class, got " + classes);
        if (inputShape.length != 3) throw new IllegalArgumentException("zoo networks take images (C, H, W), got " + Shape.toString(inputShape));
        for (int d : inputShape) if (d < 1) throw new IllegalArgumentException("input shape " + Shape.toString(inputShape) + " has a dimension < 1");
        if (!(width > 0)) throw new IllegalArgumentException("width must be > 0, got " + width);
        inputShape = inputShape.clone();
    }

    /** 1000 classes, (3, 224, 224), width 1, seed 0: ImageNet, as the reference implementations. */
    public static NetworkOptions imageNet() {
        return new NetworkOptions(1000, new int[] {3, 224, 224}, 1f, 0);
    }

    public NetworkOptions withClasses(int n) {
        return new NetworkOptions(n, inputShape, width, seed);
    }

    public NetworkOptions withInputShape(int... shape) {
        return new NetworkOptions(classes, shape, width, seed);
    }

    public NetworkOptions withWidth(float w) {
        return new NetworkOptions(classes, inputShape, w, seed);
    }

    public NetworkOptions withSeed(long s) {
        return new NetworkOptions(classes, inputShape, width, s);
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** {@code c} channels scaled by the width (at least 1). */
    public int channels(int c) {
        return Math.max(1, Math.round(c * width));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkOptions n && n.classes == classes && Arrays.equals(n.inputShape, inputShape) && n.width == width && n.seed == seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(inputShape) * 31 + Float.hashCode(width) * 7 + classes + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "NetworkOptions[classes=" + classes + ", inputShape=" + Shape.toString(inputShape) + ", width=" + width + ", seed=" + seed + "]";
    }
}
