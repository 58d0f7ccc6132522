package dev.beak.data.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code (x - mean[c]) / std[c]} per channel, with the training data's figures. Shape: samples (C, ...). */
public record ChannelStandardize(float[] mean, float[] std) implements Preprocessor {
    public ChannelStandardize {
        if (mean.length != std.length) throw new IllegalArgumentException("mean and std need one value per channel");
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public String type() {
        return "standardize";
    }

    @Override
    public void transform(float[] x, int n) {
        int per = x.length / n, plane = per / mean.length;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < mean.length; c++) {
                int o = i * per + c * plane;
                float m = mean[c], inv = 1 / std[c];
                for (int p = 0; p < plane; p++) x[o + p] = (x[o + p] - m) * inv;
            }
        }
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type());
        m.put("mean", Stats.toList(mean));
        m.put("std", Stats.toList(std));
        return m;
    }
}
