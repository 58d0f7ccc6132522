package dev.beak.data.preprocess;

import java.util.Locale;

/** The preprocessing steps that can be fitted; {@link #parse} reads the CLI names ({@code zca}, {@code channel-mean}, ...). */
public enum PreprocessKind {
    RESCALE, PIXEL_MEAN, CHANNEL_MEAN, STANDARDIZE, MIN_MAX, PCA, ZCA;

    public static PreprocessKind parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "rescale" -> RESCALE;
            case "pixel_mean", "mean_image" -> PIXEL_MEAN;
            case "channel_mean" -> CHANNEL_MEAN;
            case "standardize", "standardise", "channel_std" -> STANDARDIZE;
            case "min_max", "minmax" -> MIN_MAX;
            case "pca", "pca_whitening" -> PCA;
            case "zca", "zca_whitening" -> ZCA;
            default -> throw new IllegalArgumentException("unknown preprocessing \"" + name
                    + "\"; known: rescale, pixel-mean, channel-mean, standardize, min-max, pca, zca");
        };
    }
}
