package dev.beak.data.augment;

import dev.beak.data.image.FloatImage;

import java.util.SplittableRandom;

/** The centre {@code h x w} window; draws nothing, so it also serves evaluation. */
public record CenterCrop(int height, int width) implements Augmentation {
    @Override
    public FloatImage apply(FloatImage img, SplittableRandom rng) {
        return img.crop((img.height() - height) / 2, (img.width() - width) / 2, height, width);
    }

    @Override
    public int[] outputShape(int[] chw) {
        return new int[] {chw[0], height, width};
    }
}
