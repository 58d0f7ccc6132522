package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.nn.Model;
import dev.beak.nn.TrainingSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code "training"} entry of model.json: {@code {"frozen": ["conv2d", ...],
 * "learning_rate_multipliers": {"dense": 10.0}}}, layers by name. A file without it (older files)
 * has nothing frozen and every multiplier 1.
 */
final class TrainingSettingsCodec {
    static final String KEY = "training";

    private TrainingSettingsCodec() {}

    static Map<String, Object> write(TrainingSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frozen", s.frozen());
        m.put("learning_rate_multipliers", s.learningRateMultipliers());
        return m;
    }

    /** Freezes and sets multipliers on the loaded {@code model} as the entry says; a layer it lacks fails, naming the file. */
    static void restore(Model model, Object json, String src) throws DataFileException {
        TrainingSettings s = read(json, src);
        try {
            model.setTrainingSettings(s);
        } catch (IllegalArgumentException e) {
            throw bad(src, e.getMessage());
        }
    }

    static TrainingSettings read(Object json, String src) throws DataFileException {
        if (json == null) return TrainingSettings.NONE;
        if (!(json instanceof Map<?, ?> m)) throw bad(src, "must be an object, got " + json);
        List<String> frozen = new ArrayList<>();
        Object f = m.get("frozen");
        if (f != null && !(f instanceof List<?>)) throw bad(src, "\"frozen\" must be a list of layer names, got " + f);
        for (Object name : f == null ? List.of() : (List<?>) f) {
            if (!(name instanceof String s)) throw bad(src, "\"frozen\" must hold layer names, got " + name);
            frozen.add(s);
        }
        Map<String, Double> multipliers = new LinkedHashMap<>();
        Object lr = m.get("learning_rate_multipliers");
        if (lr != null && !(lr instanceof Map<?, ?>)) throw bad(src, "\"learning_rate_multipliers\" must map layer names to numbers, got " + lr);
        for (Map.Entry<?, ?> e : (lr == null ? Map.of() : (Map<?, ?>) lr).entrySet()) {
            if (!(e.getValue() instanceof Number n)) throw bad(src, "learning-rate multiplier of " + e.getKey() + " must be a number, got " + e.getValue());
            multipliers.put(String.valueOf(e.getKey()), n.doubleValue());
        }
        try {
            return new TrainingSettings(frozen, multipliers);
        } catch (IllegalArgumentException e) {
            throw bad(src, e.getMessage());
        }
    }

    private static DataFileException bad(String src, String problem) {
        return new DataFileException(src, "model.json \"" + KEY + "\": " + problem);
    }
}
