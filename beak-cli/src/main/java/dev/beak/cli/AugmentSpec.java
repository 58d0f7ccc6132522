package dev.beak.cli;

import dev.beak.data.augment.Augmentation;
import dev.beak.data.augment.Augmentations;
import dev.beak.data.augment.RandomAffine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code --augment} lists such as {@code flip,crop=224,rotate=15,shift=0.1,zoom=0.2,brightness=0.2}.
 * Rotation, shift, shear and zoom merge into one affine warp, applied after crops and flips.
 */
final class AugmentSpec {
    static final String HELP = "Comma-separated: flip (left-right), vflip, crop=H[xW] (random window), pad-crop=P (CIFAR),"
            + " rotate=DEG, shift=FRACTION, shear=DEG, zoom=AMOUNT, brightness=X, contrast=X, saturation=X, hue=TURNS, noise=STD (pixel units).";

    private AugmentSpec() {}

    static Augmentation parse(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("none")) return null;
        List<Augmentation> steps = new ArrayList<>();
        RandomAffine affine = new RandomAffine(0, 0, 0, 0, 1, 1, false);
        boolean anyAffine = false;
        double b = 0, c = 0, s = 0, h = 0, noise = 0;
        for (String part : spec.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p, value = p.contains("=") ? p.substring(p.indexOf('=') + 1) : "";
            try {
                switch (key) {
                    case "flip", "hflip" -> steps.add(Augmentations.flipHorizontal());
                    case "vflip" -> steps.add(Augmentations.flipVertical());
                    case "crop" -> {
                        int[] hw = size(value);
                        steps.add(Augmentations.randomCrop(hw[0], hw[1]));
                    }
                    case "pad-crop", "padcrop" -> steps.add(Augmentations.padAndCrop(Integer.parseInt(value)));
                    case "rotate", "rotation" -> { affine = affine.withRotation(Double.parseDouble(value)); anyAffine = true; }
                    case "shift" -> { double f = Double.parseDouble(value); affine = affine.withShift(f, f); anyAffine = true; }
                    case "shear" -> { affine = affine.withShear(Double.parseDouble(value)); anyAffine = true; }
                    case "zoom" -> { double z = Double.parseDouble(value); affine = affine.withZoom(1 - z, 1 + z); anyAffine = true; }
                    case "brightness" -> b = Double.parseDouble(value);
                    case "contrast" -> c = Double.parseDouble(value);
                    case "saturation" -> s = Double.parseDouble(value);
                    case "hue" -> h = Double.parseDouble(value);
                    case "noise" -> noise = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown augmentation \"" + key + "\". " + HELP);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("augmentation \"" + part.trim() + "\" needs a number: " + HELP);
            }
        }
        if (anyAffine) steps.add(affine);
        if (b > 0 || c > 0 || s > 0 || h > 0) steps.add(Augmentations.colorJitter(b, c, s, h));
        if (noise > 0) steps.add(Augmentations.gaussianNoise(noise));
        return Augmentations.compose(steps.toArray(Augmentation[]::new));
    }

    /** {@code 224} or {@code 224x200} as {height, width}. */
    static int[] size(String v) {
        String[] hw = v.toLowerCase(Locale.ROOT).split("x");
        int height = Integer.parseInt(hw[0].trim()), width = hw.length > 1 ? Integer.parseInt(hw[1].trim()) : height;
        if (height < 1 || width < 1) throw new IllegalArgumentException("sizes must be positive, got " + v);
        return new int[] {height, width};
    }
}
