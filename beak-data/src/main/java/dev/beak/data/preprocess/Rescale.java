package dev.beak.data.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code x * scale + offset}; {@code 1/255} maps 8-bit pixels to [0, 1]. Nothing to fit. */
public record Rescale(float scale, float offset) implements Preprocessor {
    public static Rescale of255() {
        return new Rescale(1f / 255, 0);
    }

    @Override
    public String type() {
        return "rescale";
    }

    @Override
    public void transform(float[] x, int n) {
        for (int i = 0; i < x.length; i++) x[i] = x[i] * scale + offset;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type());
        m.put("scale", (double) scale);
        m.put("offset", (double) offset);
        return m;
    }
}
