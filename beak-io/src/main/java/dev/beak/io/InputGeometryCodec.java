package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.data.image.ColorMode;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code "input_geometry"} entry of model.json: {@code {"height": 73, "width": 73, "color": "rgb",
 * "resize": "crop", "center_crop": [64, 64], "input_range": [0, 255]}}. A file without it (older files,
 * models that never saw images) leaves decoding to the command-line flags.
 */
final class InputGeometryCodec {
    static final String KEY = "input_geometry";

    private InputGeometryCodec() {}

    static Map<String, Object> write(InputGeometry g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("height", g.height());
        m.put("width", g.width());
        m.put("color", g.color().name().toLowerCase(Locale.ROOT));
        m.put("resize", g.resize().name().toLowerCase(Locale.ROOT));
        m.put("center_crop", List.of(g.cropHeight(), g.cropWidth()));
        m.put("input_range", List.of(0, g.range().max()));
        return m;
    }

    /** The geometry, or null when the file has none. */
    static InputGeometry read(Object json, String src) throws DataFileException {
        if (json == null) return null;
        try {
            if (!(json instanceof Map<?, ?> m)) throw new IllegalArgumentException("must be an object, got " + json);
            int h = integer(m.get("height"), "height"), w = integer(m.get("width"), "width");
            int[] crop = pair(m.get("center_crop"), "center_crop", new int[] {h, w});
            int[] range = pair(m.get("input_range"), "input_range", null);
            InputRange r = null;
            for (InputRange candidate : InputRange.values()) if (range[0] == 0 && range[1] == candidate.max()) r = candidate;
            if (r == null) throw new IllegalArgumentException("\"input_range\" must be [0, 255] or [0, 1], got " + m.get("input_range"));
            return new InputGeometry(h, w, option(ColorMode.class, m.get("color"), "color"), option(ResizeMode.class, m.get("resize"), "resize"),
                    crop[0], crop[1], r);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(src, "model.json \"" + KEY + "\": " + e.getMessage(), e);
        }
    }

    private static int integer(Object o, String key) {
        if (!(o instanceof Integer i)) throw new IllegalArgumentException("\"" + key + "\" must be an integer, got " + o);
        return i;
    }

    private static int[] pair(Object o, String key, int[] absent) {
        if (o == null && absent != null) return absent;
        if (!(o instanceof List<?> l) || l.size() != 2) throw new IllegalArgumentException("\"" + key + "\" must be a list of two integers, got " + o);
        return new int[] {integer(l.get(0), key), integer(l.get(1), key)};
    }

    private static <E extends Enum<E>> E option(Class<E> type, Object o, String key) {
        for (E e : type.getEnumConstants()) if (e.name().toLowerCase(Locale.ROOT).equals(o)) return e;
        throw new IllegalArgumentException("\"" + key + "\" must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", got " + o);
    }
}
