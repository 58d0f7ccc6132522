package dev.beak.data.augment;

import java.util.ArrayList;
import java.util.List;

/**
 * Factories for the usual augmentations (Keras' {@code ImageDataGenerator} and preprocessing layers,
 * torchvision's transforms). Geometric ones are one {@link RandomAffine} warp each.
 *
 * {@snippet :
 * Augmentation aug = Augmentations.randomCrop(224, 224).then(Augmentations.flipHorizontal())
 *         .then(Augmentations.rotation(15)).then(Augmentations.colorJitter(0.2, 0.2, 0.2, 0.02));
 * }
 */
public final class Augmentations {
    private Augmentations() {}

    /** A random {@code h x w} window (AlexNet's 224 of 256). */
    public static Augmentation randomCrop(int h, int w) {
        return new RandomCrop(h, w, 0);
    }

    /** Pads by {@code padding} zeros on each side, then takes a random window of the original size (the CIFAR recipe). */
    public static Augmentation padAndCrop(int padding) {
        return new RandomCrop(0, 0, padding);
    }

    /** The centre {@code h x w} window (for evaluating a model trained on random crops). */
    public static Augmentation centerCrop(int h, int w) {
        return new CenterCrop(h, w);
    }

    public static Augmentation flipHorizontal() {
        return new RandomFlip(true, false);
    }

    public static Augmentation flipVertical() {
        return new RandomFlip(false, true);
    }

    /** Rotation by a uniform angle in [-degrees, degrees]. */
    public static Augmentation rotation(double degrees) {
        return RandomAffine.NONE.withRotation(degrees);
    }

    /** Shift by up to the given fractions of width and height. */
    public static Augmentation shift(double widthFraction, double heightFraction) {
        return RandomAffine.NONE.withShift(widthFraction, heightFraction);
    }

    /** Shear by a uniform angle in [-degrees, degrees]. */
    public static Augmentation shear(double degrees) {
        return RandomAffine.NONE.withShear(degrees);
    }

    /** Zoom by a uniform factor in [1 - amount, 1 + amount] (above 1 zooms in). */
    public static Augmentation zoom(double amount) {
        return RandomAffine.NONE.withZoom(1 - amount, 1 + amount);
    }

    /** Brightness, contrast and saturation factors in [1 - x, 1 + x], hue shift in [-hue, hue] turns (torchvision's ColorJitter). */
    public static Augmentation colorJitter(double brightness, double contrast, double saturation, double hue) {
        return new ColorJitter(brightness, contrast, saturation, hue);
    }

    /** Adds Gaussian noise of standard deviation {@code std} (in pixel units, for example 5 for 0..255 images). */
    public static Augmentation gaussianNoise(double std) {
        return new GaussianNoise(std);
    }

    /** The augmentations in order; nested compositions are flattened. */
    public static Augmentation compose(Augmentation... steps) {
        List<Augmentation> all = new ArrayList<>();
        for (Augmentation a : steps) {
            if (a instanceof Compose c) all.addAll(c.steps());
            else all.add(a);
        }
        return new Compose(all);
    }
}
