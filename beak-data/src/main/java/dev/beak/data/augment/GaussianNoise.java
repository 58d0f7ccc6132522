package dev.beak.data.augment;

import dev.beak.data.image.FloatImage;

import java.util.SplittableRandom;

/** Adds independent Gaussian noise of standard deviation {@code std} to every value. */
public record GaussianNoise(double std) implements Augmentation {
    public GaussianNoise {
        if (std < 0) throw new IllegalArgumentException("noise std must be >= 0, got " + std);
    }

    @Override
    public FloatImage apply(FloatImage img, SplittableRandom rng) {
        float[] d = img.data().clone();
        // Box-Muller, two values per pair of uniforms.
        for (int i = 0; i < d.length; i += 2) {
            double u = 1 - rng.nextDouble(), v = rng.nextDouble(), r = Math.sqrt(-2 * Math.log(u)) * std;
            d[i] += (float) (r * Math.cos(2 * Math.PI * v));
            if (i + 1 < d.length) d[i + 1] += (float) (r * Math.sin(2 * Math.PI * v));
        }
        return new FloatImage(img.channels(), img.height(), img.width(), d);
    }
}
