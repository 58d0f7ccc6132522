package dev.beak.cli;

import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses {@code --head}: the new classifier's hidden layers; the dense layer with one output per class always follows. */
final class HeadSpec {
    static final String HELP = "Comma-separated hidden layers of the new classifier, e.g. \"dense:256,relu,dropout:0.5\": "
            + "dense:N, relu, sigmoid, tanh, dropout:RATE, flatten, global-avg-pool, global-max-pool (a dense layer with one "
            + "output per class always ends the head; default: none).";

    private HeadSpec() {}

    static List<LayerSpec> parse(String spec) {
        List<LayerSpec> layers = new ArrayList<>();
        if (spec == null || spec.isBlank()) return layers;
        for (String part : spec.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            int colon = p.indexOf(':');
            String kind = colon < 0 ? p : p.substring(0, colon), arg = colon < 0 ? null : p.substring(colon + 1);
            layers.add(switch (kind) {
                case "dense" -> Layers.dense(positive(arg, part));
                case "relu" -> Layers.relu();
                case "sigmoid" -> Layers.sigmoid();
                case "tanh" -> Layers.tanh();
                case "dropout" -> Layers.dropout(rate(arg, part));
                case "flatten" -> Layers.flatten();
                case "global-avg-pool", "gap" -> Layers.globalAvgPool();
                case "global-max-pool" -> Layers.globalMaxPool();
                default -> throw new IllegalArgumentException("--head: unknown layer \"" + part.trim() + "\"; " + HELP);
            });
        }
        return layers;
    }

    private static int positive(String arg, String part) {
        try {
            int n = Integer.parseInt(arg == null ? "" : arg);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--head: \"" + part.trim() + "\" needs a unit count > 0, as dense:256");
    }

    private static float rate(String arg, String part) {
        try {
            float r = Float.parseFloat(arg == null ? "" : arg);
            if (r >= 0 && r < 1) return r;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--head: \"" + part.trim() + "\" needs a rate in [0, 1), as dropout:0.5");
    }
}
