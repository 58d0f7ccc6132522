package dev.beak.data.augment;

import dev.beak.data.image.FloatImage;

import java.util.SplittableRandom;

/**
 * A random window: {@code h x w} of the image padded by {@code padding} zeros on each side;
 * {@code h = w = 0} keeps the input size (pad-and-crop).
 */
public record RandomCrop(int height, int width, int padding) implements Augmentation {
    public RandomCrop {
        if (height < 0 || width < 0 || padding < 0) throw new IllegalArgumentException("crop sizes and padding must be >= 0");
    }

    @Override
    public FloatImage apply(FloatImage img, SplittableRandom rng) {
        int h = height == 0 ? img.height() : height, w = width == 0 ? img.width() : width;
        int spanY = img.height() + 2 * padding - h, spanX = img.width() + 2 * padding - w;
        if (spanY < 0 || spanX < 0) {
            throw new IllegalArgumentException("cannot crop " + h + "x" + w + " from a " + img.height() + "x" + img.width() + " image");
        }
        int y = rng.nextInt(spanY + 1) - padding, x = rng.nextInt(spanX + 1) - padding;
        return img.crop(y, x, h, w);
    }

    @Override
    public int[] outputShape(int[] chw) {
        return new int[] {chw[0], height == 0 ? chw[1] : height, width == 0 ? chw[2] : width};
    }
}
