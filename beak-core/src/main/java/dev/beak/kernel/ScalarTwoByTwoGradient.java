package dev.beak.kernel;

/** {@link TwoByTwoGradient} in plain Java, a window at a time; also the vector kernel's tails. */
final class ScalarTwoByTwoGradient implements TwoByTwoGradient {
    @Override
    public void gradient(float[] x, int i, int w, float[] y, float[] dy, int o, int len, float[] dx) {
        for (int k = 0; k < len; k++, i += 2) {
            float v = y[o + k];
            int at;
            if (v == v) {
                // Branch-free: bit q set when input q equals the maximum; the lowest set bit wins.
                int hits = (x[i] == v ? 1 : 0) | (x[i + 1] == v ? 2 : 0) | (x[i + w] == v ? 4 : 0) | 8;
                int q = Integer.numberOfTrailingZeros(hits);
                at = i + (q & 1) + (q >> 1) * w;
            } else {
                at = x[i] != x[i] ? i : x[i + 1] != x[i + 1] ? i + 1 : x[i + w] != x[i + w] ? i + w : i + w + 1;
            }
            dx[at] += dy[o + k];
        }
    }
}
