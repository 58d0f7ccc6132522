package dev.beak.data.preprocess;

import dev.beak.dataset.Batch;
import dev.beak.dataset.BatchSource;
import dev.beak.tensor.Shape;

import java.util.ArrayList;
import java.util.List;

/** Streaming statistics over the batches of one epoch of a source, in double precision, one pass per figure. */
final class Stats {
    private Stats() {}

    /** Mean of every value position over the samples. */
    static float[] pixelMean(BatchSource data) {
        int d = Shape.size(data.sampleShape());
        double[] sum = new double[d];
        long n = 0;
        for (Batch b : data.epoch(1)) {
            float[] x = b.x().data();
            for (int i = 0; i < x.length; i++) sum[i % d] += x[i];
            n += b.size();
        }
        float[] m = new float[d];
        for (int i = 0; i < d; i++) m[i] = (float) (sum[i] / requireSamples(n));
        return m;
    }

    static long requireSamples(long n) {
        if (n == 0) throw new IllegalArgumentException("cannot fit preprocessing on no samples");
        return n;
    }

    /** Per-channel mean and standard deviation (population), channels first. */
    static float[][] channelMeanStd(BatchSource data) {
        int[] shape = data.sampleShape();
        int c = shape.length == 0 ? 1 : shape[0], per = Shape.size(shape), plane = per / c;
        double[] sum = new double[c], sq = new double[c];
        long n = 0;
        for (Batch b : data.epoch(1)) {
            n += b.size();
            float[] x = b.x().data();
            for (int i = 0; i < x.length; i++) {
                int ch = (i % per) / plane;
                sum[ch] += x[i];
                sq[ch] += (double) x[i] * x[i];
            }
        }
        double count = (double) requireSamples(n) * plane;
        float[] mean = new float[c], std = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / count;
            mean[ch] = (float) m;
            std[ch] = (float) Math.sqrt(Math.max(sq[ch] / count - m * m, 1e-12));
        }
        return new float[][] {mean, std};
    }

    static float[] minMax(BatchSource data) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (Batch b : data.epoch(1)) {
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
