package dev.beak.kernel;

/**
 * {@link MaxPoolRows} in plain Java, a window at a time: the path without the Vector API, and runs
 * shorter than a vector on the vector path. Branch-free, since ties and winners on real data are
 * unpredictable: a bit per candidate that hits, the lowest set bit choosing the winner.
 */
final class ScalarMaxPoolRows implements MaxPoolRows {
    @Override
    public void rowMaxima(float[] x, int s, int len, float[] m, float[] w, int at) {
        for (int k = 0, i = s; k < len; k++, i += 2) {
            float v0 = x[i], v1 = x[i + 1], v2 = x[i + 2], max = Math.max(Math.max(v0, v1), v2);
            m[at + k] = max;
            w[at + k] = 2 * k + Integer.numberOfTrailingZeros(bit(v0, max) | bit(v1, max) << 1 | 4);
        }
    }

    @Override
    public void windows(float[] m, float[] w, int a, int b, int e, int db, int de, int len, int base, float[] y, int[] argmax, int o) {
        for (int k = 0; k < len; k++) {
            float ma = m[a + k], mb = m[b + k], max = Math.max(Math.max(ma, mb), m[e + k]);
            y[o + k] = max;
            int q = Integer.numberOfTrailingZeros(bit(ma, max) | bit(mb, max) << 1 | 4);
            argmax[o + k] = base + pick(q, (int) w[a + k], db + (int) w[b + k], de + (int) w[e + k]);
        }
    }

    @Override
    public void rowMaximaValues(float[] x, int s, int len, float[] m, int at) {
        for (int k = 0, i = s; k < len; k++, i += 2) m[at + k] = Math.max(Math.max(x[i], x[i + 1]), x[i + 2]);
    }

    @Override
    public void windowsValues(float[] m, int a, int b, int e, int len, float[] y, int o) {
        for (int k = 0; k < len; k++) y[o + k] = Math.max(Math.max(m[a + k], m[b + k]), m[e + k]);
    }

    /** 1 when v is the maximum m (±0 equal) or NaN (then m is NaN too), else 0. */
    static int bit(float v, float m) {
        return v == m | v != v ? 1 : 0;
    }

    /** The {@code q}-th (0, 1 or 2) of p0, p1, p2 without a branch: (q + 1) >> 1 is 1 from q = 1 on, q >> 1 from q = 2. */
    static int pick(int q, int p0, int p1, int p2) {
        return p0 + (p1 - p0) * ((q + 1) >> 1) + (p2 - p1) * (q >> 1);
    }
}
