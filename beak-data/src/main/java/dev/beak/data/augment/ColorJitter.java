package dev.beak.data.augment;

import dev.beak.data.image.FloatImage;

import java.util.SplittableRandom;

/**
 * Random brightness, contrast, saturation and hue, in a random order as torchvision's
 * {@code ColorJitter}: brightness scales the pixels, contrast blends with the mean grey, saturation
 * blends with the grey image, hue rotates the chroma (in YIQ, a linear stand-in for an HSV hue shift).
 * Factors are uniform in [1 - x, 1 + x]; the hue shift in [-hue, hue] turns. Results are clamped at 0
 * below; grey images only get brightness and contrast.
 */
public record ColorJitter(double brightness, double contrast, double saturation, double hue) implements Augmentation {
    public ColorJitter {
        if (brightness < 0 || contrast < 0 || saturation < 0 || hue < 0 || hue > 0.5) {
            throw new IllegalArgumentException("jitter amounts must be >= 0 and hue <= 0.5");
        }
    }

    @Override
    public FloatImage apply(FloatImage img, SplittableRandom rng) {
        float[] d = img.data().clone();
        int plane = img.height() * img.width();
        boolean rgb = img.channels() == 3;
        int[] order = {0, 1, 2, 3};
        for (int i = 3; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int step : order) {
            switch (step) {
                case 0 -> { if (brightness > 0) scale(d, factor(rng, brightness)); }
                case 1 -> { if (contrast > 0) blend(d, factor(rng, contrast), meanGrey(d, plane, rgb)); }
                case 2 -> { if (saturation > 0 && rgb) saturate(d, plane, factor(rng, saturation)); }
                default -> { if (hue > 0 && rgb) rotateHue(d, plane, (rng.nextDouble() * 2 - 1) * hue); }
            }
        }
        for (int i = 0; i < d.length; i++) if (d[i] < 0) d[i] = 0;
        return new FloatImage(img.channels(), img.height(), img.width(), d);
    }

    private static float factor(SplittableRandom rng, double amount) {
        return (float) Math.max(0, 1 + (rng.nextDouble() * 2 - 1) * amount);
    }

    private static void scale(float[] d, float f) {
        for (int i = 0; i < d.length; i++) d[i] *= f;
    }

    private static void blend(float[] d, float f, float mean) {
        for (int i = 0; i < d.length; i++) d[i] = mean + (d[i] - mean) * f;
    }

    private static float meanGrey(float[] d, int plane, boolean rgb) {
        double s = 0;
        for (int p = 0; p < plane; p++) s += rgb ? 0.299 * d[p] + 0.587 * d[plane + p] + 0.114 * d[2 * plane + p] : d[p];
        return (float) (s / plane);
    }

    private static void saturate(float[] d, int plane, float f) {
        for (int p = 0; p < plane; p++) {
            float grey = 0.299f * d[p] + 0.587f * d[plane + p] + 0.114f * d[2 * plane + p];
            for (int c = 0; c < 3; c++) d[c * plane + p] = grey + (d[c * plane + p] - grey) * f;
        }
    }

    private static void rotateHue(float[] d, int plane, double turns) {
        double cos = Math.cos(2 * Math.PI * turns), sin = Math.sin(2 * Math.PI * turns);
        for (int p = 0; p < plane; p++) {
            float r = d[p], g = d[plane + p], b = d[2 * plane + p];
            // RGB -> YIQ, rotate (I, Q), back to RGB.
            double y = 0.299 * r + 0.587 * g + 0.114 * b, i = 0.596 * r - 0.274 * g - 0.322 * b, q = 0.211 * r - 0.523 * g + 0.312 * b;
            double i2 = i * cos - q * sin, q2 = i * sin + q * cos;
            d[p] = (float) (y + 0.956 * i2 + 0.621 * q2);
            d[plane + p] = (float) (y - 0.272 * i2 - 0.647 * q2);
            d[2 * plane + p] = (float) (y - 1.106 * i2 + 1.703 * q2);
        }
    }
}
