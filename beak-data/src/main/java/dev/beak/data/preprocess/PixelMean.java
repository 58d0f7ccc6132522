package dev.beak.data.preprocess;

import dev.beak.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Subtracts the training data's mean image, value by value (AlexNet's preprocessing). Shape: mean (C, H, W). */
public record PixelMean(Tensor mean) implements Preprocessor {
    @Override
    public String type() {
        return "pixel_mean";
    }

    @Override
    public void transform(float[] x, int n) {
        float[] m = mean.data();
        if (x.length != n * m.length) throw new IllegalArgumentException("samples of " + x.length / Math.max(1, n) + " values, mean image has " + m.length);
        for (int i = 0; i < x.length; i++) x[i] -= m[i % m.length];
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type());
        c.put("shape", toList(mean.shape()));
        return c;
    }

    @Override
    public Map<String, Tensor> tensors() {
        return Map.of("mean", mean);
    }

    static List<Integer> toList(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
