package dev.beak.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;

/** One-line JSON for the {@code --json} summaries: numbers, strings, booleans, and nested lists, int arrays and maps. */
final class Json {
    private Json() {}

    static String line(Map<String, ?> values) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (sb.length() > 1) sb.append(',');
            sb.append(quote(e.getKey())).append(':').append(value(e.getValue()));
        }
        return sb.append('}').toString();
    }

    private static String value(Object v) {
        if (v == null) return "null";
        if (v instanceof Double d) {
            // Six significant digits, plain notation: {"test_accuracy":0.9865,"train_images_per_s":812.5}
            return Double.isFinite(d) ? new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString() : "null";
        }
        if (v instanceof Float f) return value(f.doubleValue());
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 1) sb.append(',');
                sb.append(quote(String.valueOf(e.getKey()))).append(':').append(value(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof int[] a) return value(java.util.Arrays.stream(a).boxed().toList());
        if (v instanceof long[] a) return value(java.util.Arrays.stream(a).boxed().toList());
        if (v instanceof double[] a) return value(java.util.Arrays.stream(a).boxed().toList());
        if (v instanceof float[] a) {
            java.util.List<Float> list = new java.util.ArrayList<>(a.length);
            for (float f : a) list.add(f);
            return value(list);
        }
        if (v instanceof Iterable<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : list) {
                if (sb.length() > 1) sb.append(',');
                sb.append(value(o));
            }
            return sb.append(']').toString();
        }
        return quote(v.toString());
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
