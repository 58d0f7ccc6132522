package dev.beak.nn.metric;

import java.util.Locale;
import java.util.Map;

/**
 * A logged figure to watch ({@code val_loss}, {@code val_accuracy}, ...) and which way is better.
 * Early stopping, checkpoints and the reduce-on-plateau schedule share it.
 *
 * {@snippet : Monitor m = Monitor.of("val_accuracy");   // higher is better: the name holds "acc" }
 */
public record Monitor(String key, boolean higherIsBetter, double minDelta) {
    public Monitor {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("monitor needs a figure name, e.g. val_loss");
        if (!(minDelta >= 0)) throw new IllegalArgumentException("min delta must be >= 0, got " + minDelta);
    }

    /** Watches {@code key}: higher is better for accuracies ("acc" in the name), lower for anything else. */
    public static Monitor of(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return new Monitor(key, k.contains("acc") || k.contains("f1") || k.contains("precision") || k.contains("recall"), 0);
    }

    public Monitor withMinDelta(double d) {
        return new Monitor(key, higherIsBetter, d);
    }

    /** True when {@code current} beats {@code best} by more than the minimum delta (any value beats NaN). */
    public boolean improved(double current, double best) {
        if (Double.isNaN(best)) return !Double.isNaN(current);
        return higherIsBetter ? current - minDelta > best : current + minDelta < best;
    }

    /** This figure from one epoch's logs; fails naming the figures there are. */
    public double valueIn(Map<String, Double> logs) {
        Double v = logs.get(key);
        if (v == null) {
            throw new IllegalArgumentException("monitored figure \"" + key + "\" is not logged; the logs have " + logs.keySet()
                    + (key.startsWith("val_") ? " (did you give validation data?)" : ""));
        }
        return v;
    }
}
