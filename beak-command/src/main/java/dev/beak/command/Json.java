package dev.beak.command;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;

/**
 * One-line JSON for the {@code --json} summaries: numbers, strings, booleans, and nested lists, int arrays
 * and maps. Doubles keep six significant digits in plain notation; non-finite ones become {@code null}.
 *
 * {@snippet :
 * Json.line(Map.of("test_accuracy", 0.98654321, "classes", new int[] {7, 0})); // {"test_accuracy":0.986543,"classes":[7,0]}
 * }
 */
public final class Json {
    private Json() {}

    /** An object for {@link #line} from keys and values in turn, kept in that order: {@code Json.object("file", f, "bytes", n)}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values come in pairs, got " + keysAndValues.length + " items");
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** {@code values} as one JSON object on one line, keys in the map's order. */
    public static String line(Map<String, ?> values) {
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

    /** {@code s} as a JSON string, quotes and control characters escaped. */
    public static String quote(String s) {
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
