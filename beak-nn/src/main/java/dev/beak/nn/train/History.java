package dev.beak.nn.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Per-epoch figures of a {@code fit}, for curves and for spotting overfitting. */
public final class History {
    private final List<EpochLogs> epochs = new ArrayList<>();

    /** An empty history; {@code fit} adds one entry per finished epoch. */
    public History() {}

    public void add(EpochLogs logs) {
        epochs.add(logs);
    }

    public List<EpochLogs> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** One figure across epochs, e.g. {@code values("val_accuracy")}. */
    public double[] values(String key) {
        return epochs.stream().mapToDouble(e -> e.get(key)).toArray();
    }

    /** The figures of every finished epoch, in order (what learning-rate schedules read). */
    public List<Map<String, Double>> figures() {
        return epochs.stream().map(EpochLogs::values).toList();
    }

    public EpochLogs last() {
        if (epochs.isEmpty()) throw new IllegalStateException("no epoch has finished");
        return epochs.get(epochs.size() - 1);
    }

    /** CSV with a header row: epoch, then every figure in first-seen order. */
    public String toCsv() {
        Set<String> keys = new LinkedHashSet<>();
        for (EpochLogs e : epochs) keys.addAll(e.values().keySet());
        StringBuilder sb = new StringBuilder("epoch");
        for (String k : keys) sb.append(',').append(k);
        sb.append('\n');
        for (EpochLogs e : epochs) {
            sb.append(e.epoch());
            for (String k : keys) {
                Double v = e.values().get(k);
                sb.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
