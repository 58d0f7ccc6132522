package dev.beak.web;

/**
 * A histogram of a tensor's values in {@code bins} equal bins between its minimum and maximum, with the
 * sums TensorBoard's HistogramProto carries. {@code limits[i]} is the right edge of bin i (the last is the
 * maximum); non-finite values are left out. An empty or constant tensor has one bin holding everything.
 */
public record Histogram(double min, double max, long count, double sum, double sumSquares, double[] limits, long[] counts) {

    public static Histogram of(float[] values, int bins) {
        if (bins < 1) throw new IllegalArgumentException("a histogram needs at least 1 bin, got " + bins);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, sq = 0;
        long n = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) continue;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sq += (double) v * v;
            n++;
        }
        if (n == 0) return new Histogram(0, 0, 0, 0, 0, new double[] {0}, new long[] {0});
        if (max == min) return new Histogram(min, max, n, sum, sq, new double[] {max}, new long[] {n});
        double width = (max - min) / bins;
        double[] limits = new double[bins];
        for (int i = 0; i < bins; i++) limits[i] = i == bins - 1 ? max : min + width * (i + 1);
        long[] counts = new long[bins];
        for (float v : values) {
            if (Float.isFinite(v)) counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
        }
        return new Histogram(min, max, n, sum, sq, limits, counts);
    }
}
