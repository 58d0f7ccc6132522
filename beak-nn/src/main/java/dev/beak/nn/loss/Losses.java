package dev.beak.nn.loss;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in losses as JSON-ready configs, for model files: {@code {"type": name}} plus
 * {@code from_logits} and {@code reduction} where the loss has them.
 *
 * {@snippet :
 * Map<String, Object> c = Losses.config(new BinaryCrossEntropy(false, Reduction.SUM)).orElseThrow();
 * // {"type": "binary_cross_entropy", "from_logits": false, "reduction": "sum"}
 * Loss back = Losses.fromConfig(c);   // equals the original
 * }
 */
public final class Losses {
    private Losses() {}

    /** The config that {@link #fromConfig} turns back into an equal loss, or empty for a loss Beak does not know (a custom one). */
    public static Optional<Map<String, Object>> config(Loss loss) {
        return Optional.ofNullable(switch (loss) {
            case CrossEntropy c -> config(c.name(), null, null);
            case BinaryCrossEntropy b -> config(b.name(), b.fromLogits(), b.reduction());
            case CategoricalCrossEntropy c -> config(c.name(), c.fromLogits(), c.reduction());
            case SparseCategoricalCrossEntropy s -> config(s.name(), s.fromLogits(), s.reduction());
            case CategoricalHinge h -> config(h.name(), null, h.reduction());
            case MeanSquaredError m -> config(m.name(), null, m.reduction());
            case MeanAbsoluteError m -> config(m.name(), null, m.reduction());
            default -> null;
        });
    }

    /** Rebuilds a loss from its config; {@code from_logits} defaults to true and {@code reduction} to mean. */
    public static Loss fromConfig(Map<String, Object> config) {
        String type = String.valueOf(config.get("type"));
        boolean logits = config.get("from_logits") instanceof Boolean b ? b : true;
        if (config.containsKey("from_logits") && !(config.get("from_logits") instanceof Boolean)) {
            throw new IllegalArgumentException("loss " + type + ": \"from_logits\" must be true or false, got " + config.get("from_logits"));
        }
        Reduction r = reduction(config.getOrDefault("reduction", "mean"), type);
        return switch (type) {
            case "cross_entropy" -> new CrossEntropy();
            case "binary_cross_entropy" -> new BinaryCrossEntropy(logits, r);
            case "categorical_cross_entropy" -> new CategoricalCrossEntropy(logits, r);
            case "sparse_categorical_cross_entropy" -> new SparseCategoricalCrossEntropy(logits, r);
            case "categorical_hinge" -> new CategoricalHinge(r);
            case "mean_squared_error" -> new MeanSquaredError(r);
            case "mean_absolute_error" -> new MeanAbsoluteError(r);
            default -> throw new IllegalArgumentException("unknown loss type \"" + type + "\" (known: cross_entropy, binary_cross_entropy, "
                    + "categorical_cross_entropy, sparse_categorical_cross_entropy, categorical_hinge, mean_squared_error, mean_absolute_error)");
        };
    }

    private static Map<String, Object> config(String type, Boolean fromLogits, Reduction reduction) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        if (fromLogits != null) c.put("from_logits", fromLogits);
        if (reduction != null) c.put("reduction", reduction.name().toLowerCase(Locale.ROOT));
        return c;
    }

    private static Reduction reduction(Object value, String type) {
        for (Reduction r : Reduction.values()) if (r.name().toLowerCase(Locale.ROOT).equals(value)) return r;
        throw new IllegalArgumentException("loss " + type + ": \"reduction\" must be mean or sum, got " + value);
    }
}
