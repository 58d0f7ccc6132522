package dev.beak.data.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/** Subtracts one mean per channel (VGG's preprocessing). Shape: samples (C, ...), mean (C). */
public record ChannelMean(float[] mean) implements Preprocessor {
    public ChannelMean {
        mean = mean.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public String type() {
        return "channel_mean";
    }

    @Override
    public void transform(float[] x, int n) {
        int per = x.length / n, plane = per / mean.length;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < mean.length; c++) {
                int o = i * per + c * plane;
                for (int p = 0; p < plane; p++) x[o + p] -= mean[c];
            }
        }
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type());
        m.put("mean", Stats.toList(mean));
        return m;
    }
}
