package dev.beak.nn.metric;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in metrics by their log names, for model files: a metric is stored as its
 * {@link Metric#name()} and rebuilt from it. Known names: {@code top_<k>_accuracy}.
 */
public final class Metrics {
    private static final Pattern TOP_K = Pattern.compile("top_(\\d{1,9})_accuracy");

    private Metrics() {}

    /** The metric logged as {@code name}; fails, listing the known names, for any other. */
    public static Metric named(String name) {
        Matcher m = TOP_K.matcher(name);
        if (m.matches()) return new TopKAccuracy(Integer.parseInt(m.group(1)));
        throw new IllegalArgumentException("unknown metric \"" + name + "\" (known: top_<k>_accuracy, e.g. top_5_accuracy)");
    }

    /** The name that {@link #named} turns back into an equal metric, or empty for a metric Beak does not know (a custom one). */
    public static Optional<String> storedName(Metric metric) {
        return metric instanceof TopKAccuracy ? Optional.of(metric.name()) : Optional.empty();
    }
}
