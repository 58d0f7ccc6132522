package dev.beak.web.live;

import dev.beak.dataset.Dataset;
import dev.beak.web.ValidationSamples;

import java.util.List;

/**
 * What the live page shows besides the figures every fit has: {@code samples} (validation images shown
 * with their predictions after each epoch, and fed for the activation histograms; may be null),
 * {@code confusionData} (the data of the confusion matrix drawn after each epoch, usually the validation
 * data or its first few thousand samples; null for none) and {@code ratioEvery} (the update-to-parameter
 * ratios are measured on one step in every that many, since it copies the weights).
 */
public record LiveSettings(ValidationSamples samples, Dataset confusionData, int ratioEvery) {
    public LiveSettings {
        if (ratioEvery < 1) throw new IllegalArgumentException("ratioEvery must be >= 1, got " + ratioEvery);
    }

    /** The validation samples a page shows, and how many the confusion matrix counts (it runs the model on them after every epoch). */
    public static final int SAMPLES = 16, CONFUSION_SAMPLES = 2000;

    /**
     * The first {@value #SAMPLES} samples of {@code validation} as samples, its first {@value #CONFUSION_SAMPLES}
     * for the confusion matrix, ratios every 10 steps; none of them when {@code validation} is null.
     */
    public static LiveSettings of(Dataset validation, List<String> classNames) {
        if (validation == null) return new LiveSettings(null, null, 10);
        return new LiveSettings(ValidationSamples.of(validation, SAMPLES, classNames), first(validation, CONFUSION_SAMPLES), 10);
    }

    /** The first {@code n} samples of {@code data} (all when it has fewer). */
    static Dataset first(Dataset data, int n) {
        if (data.size() <= n) return data;
        return new Dataset() {
            @Override public int size() { return n; }

            @Override public int[] sampleShape() { return data.sampleShape(); }

            @Override public int[] labelShape() { return data.labelShape(); }

            @Override public void copy(int index, float[] x, int xOff, float[] y, int yOff) {
                if (index >= n) throw new IndexOutOfBoundsException("sample " + index + " of " + n);
                data.copy(index, x, xOff, y, yOff);
            }
        };
    }
}
