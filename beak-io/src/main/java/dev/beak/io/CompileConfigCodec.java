package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.nn.CompileConfig;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.loss.Losses;
import dev.beak.nn.metric.Metric;
import dev.beak.nn.metric.Metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code "compile"} entry of model.json: the loss as its config and the metrics by name,
 * {@code {"loss": {"type": "cross_entropy"}, "metrics": ["top_5_accuracy"]}}. Only built-in losses and
 * metrics can be rebuilt, so a model compiled with a custom one is stored without this entry, as a
 * model that was never compiled (and as files written before it existed).
 */
final class CompileConfigCodec {
    static final String KEY = "compile";

    private CompileConfigCodec() {}

    /** The entry, or empty when the loss or a metric is not a built-in one. */
    static Optional<Map<String, Object>> write(CompileConfig c) {
        Optional<Map<String, Object>> loss = Losses.config(c.loss());
        if (loss.isEmpty()) return Optional.empty();
        List<String> names = new ArrayList<>();
        for (Metric metric : c.metrics()) {
            Optional<String> name = Metrics.storedName(metric);
            if (name.isEmpty()) return Optional.empty();
            names.add(name.get());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", loss.get());
        m.put("metrics", names);
        return Optional.of(m);
    }

    /** The compile config, or null when the file has none. */
    @SuppressWarnings("unchecked")
    static CompileConfig read(Object json, String src) throws DataFileException {
        if (json == null) return null;
        try {
            if (!(json instanceof Map<?, ?> m) || !(m.get("loss") instanceof Map<?, ?> loss)) {
                throw new IllegalArgumentException("needs a \"loss\" object, got " + json);
            }
            Loss l = Losses.fromConfig((Map<String, Object>) loss);
            Object list = m.get("metrics");
            if (list != null && !(list instanceof List<?>)) throw new IllegalArgumentException("\"metrics\" must be a list of names, got " + list);
            List<Metric> metrics = new ArrayList<>();
            for (Object name : list == null ? List.of() : (List<?>) list) metrics.add(Metrics.named(String.valueOf(name)));
            return new CompileConfig(l, metrics);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(src, "model.json \"" + KEY + "\": " + e.getMessage(), e);
        }
    }
}
