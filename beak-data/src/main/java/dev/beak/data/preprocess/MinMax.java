package dev.beak.data.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps the training data's range [min, max] (over all values) to [0, 1]. */
public record MinMax(float min, float max) implements Preprocessor {
    public MinMax {
        if (!(max > min)) throw new IllegalArgumentException("min-max needs max > min, got [" + min + ", " + max + "] (constant data?)");
    }

    @Override
    public String type() {
        return "min_max";
    }

    @Override
    public void transform(float[] x, int n) {
        float inv = 1 / (max - min);
        for (int i = 0; i < x.length; i++) x[i] = (x[i] - min) * inv;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type());
        m.put("min", (double) min);
        m.put("max", (double) max);
        return m;
    }
}
