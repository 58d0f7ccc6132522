package dev.beak.nn.train;

import java.util.Map;

/**
 * The figures of one finished epoch (1-based): {@code loss}, {@code accuracy}, and when validation
 * data was given {@code val_loss}, {@code val_accuracy}; plus {@code seconds} and {@code images_per_s}.
 */
public record EpochLogs(int epoch, Map<String, Double> values) {
    public double get(String key) {
        Double v = values.get(key);
        if (v == null) throw new IllegalArgumentException("epoch " + epoch + " has no figure \"" + key + "\"; it has " + values.keySet());
        return v;
    }
}
