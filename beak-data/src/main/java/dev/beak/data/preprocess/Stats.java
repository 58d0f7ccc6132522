package dev.beak.data.preprocess;

import dev.beak.dataset.Batch;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.tensor.Shape;

import java.util.ArrayList;
import java.util.List;

/** Streaming statistics over a dataset, in double precision, one pass per figure. */
final class Stats {
    private Stats() {}

    /** Mean of every value position over the samples. */
    static float[] pixelMean(Dataset data) {
        int d = Shape.size(data.sampleShape());
        double[] sum = new double[d];
        for (Batch b : Batches.inOrder(data, 256)) {
            float[] x = b.x().data();
            for (int i = 0; i < x.length; i++) sum[i % d] += x[i];
        }
        float[] m = new float[d];
        for (int i = 0; i < d; i++) m[i] = (float) (sum[i] / data.size());
        return m;
    }

    /** Per-channel mean and standard deviation (population), channels first. */
    static float[][] channelMeanStd(Dataset data) {
        int[] shape = data.sampleShape();
        int c = shape.length == 0 ? 1 : shape[0], per = Shape.size(shape), plane = per / c;
        double[] sum = new double[c], sq = new double[c];
        for (Batch b : Batches.inOrder(data, 256)) {
            float[] x = b.x().data();
            for (int i = 0; i < x.length; i++) {
                int ch = (i % per) / plane;
                sum[ch] += x[i];
                sq[ch] += (double) x[i] * x[i];
            }
        }
        double count = (double) data.size() * plane;
        float[] mean = new float[c], std = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / count;
            mean[ch] = (float) m;
            std[ch] = (float) Math.sqrt(Math.max(sq[ch] / count - m * m, 1e-12));
        }
        return new float[][] {mean, std};
    }

    static float[] minMax(Dataset data) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (Batch b : Batches.inOrder(data, 256)) {
            for (float v : b.x().data()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new float[] {lo, hi};
    }

    static List<Double> toList(float[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (float v : a) l.add((double) v);
        return l;
    }

    static float[] toFloats(Object list, String what) {
        if (!(list instanceof List<?> l)) throw new IllegalArgumentException("preprocessing config: \"" + what + "\" must be a list of numbers");
        float[] a = new float[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = ((Number) l.get(i)).floatValue();
        return a;
    }
}
