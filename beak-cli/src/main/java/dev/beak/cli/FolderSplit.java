package dev.beak.cli;

import java.util.Map;

/**
 * How an image folder without {@code --test-data} is split: the fraction of each class held out for
 * validation and the seed. Training writes it into the model file's metadata, so that evaluate, predict,
 * report and viz test on the same held-out images without being told the split again.
 */
record FolderSplit(double fraction, long seed) {
    static final FolderSplit DEFAULT = new FolderSplit(0.2, 42);
    static final String FRACTION_KEY = "validation_split", SEED_KEY = "split_seed";

    FolderSplit {
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("--validation-split must be between 0 and 1, got " + fraction);
    }

    /** The split a model file's metadata records, or null when it records none (older files, other data). */
    static FolderSplit of(Map<String, String> metadata) {
        String f = metadata.get(FRACTION_KEY), s = metadata.get(SEED_KEY);
        if (f == null || s == null) return null;
        try {
            return new FolderSplit(Double.parseDouble(f), Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the model file's metadata has a bad validation split: " + f + ", seed " + s);
        }
    }

    /** The metadata entries that record this split. */
    Map<String, String> metadata() {
        return Map.of(FRACTION_KEY, Double.toString(fraction), SEED_KEY, Long.toString(seed));
    }
}
