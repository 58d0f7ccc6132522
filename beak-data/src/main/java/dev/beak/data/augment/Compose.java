package dev.beak.data.augment;

import dev.beak.data.image.FloatImage;

import java.util.List;
import java.util.SplittableRandom;

/** Augmentations applied in order. */
public record Compose(List<Augmentation> steps) implements Augmentation {
    public Compose {
        steps = List.copyOf(steps);
    }

    @Override
    public FloatImage apply(FloatImage image, SplittableRandom rng) {
        for (Augmentation a : steps) image = a.apply(image, rng);
        return image;
    }

    @Override
    public int[] outputShape(int[] chw) {
        for (Augmentation a : steps) chw = a.outputShape(chw);
        return chw;
    }
}
