package dev.beak.kernel;

/** The plain-Java elementwise loops: the fallback without the Vector API and the tests' oracle. */
final class ScalarElementwise implements ElementwiseKernel {
    @Override
    public void relu(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) y[i] = Math.max(x[i], 0f);
    }

    @Override
    public void reluBackward(float[] x, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) if (x[i] > 0f) dx[i] += dy[i];
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, int from, int to,
                     float b1, float b2, float stepSize, float epsHat, float scale) {
        float a1 = 1 - b1, a2 = 1 - b2;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + a1 * gi, vi = b2 * v[i] + a2 * gi * gi;
            // Subnormal moments become zero (see ElementwiseKernel#adam).
            m[i] = Math.abs(mi) < Float.MIN_NORMAL ? 0f : mi;
            v[i] = vi < Float.MIN_NORMAL ? 0f : vi;
            w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) + epsHat) * scale;
        }
    }

    // The sums keep four accumulators, so consecutive adds do not wait on each other.

    @Override
    public double sum(float[] x, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < to; i++) s0 += x[i];
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double sumSquares(float[] x, int from, int to, float mu) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            double d0 = x[i] - mu, d1 = x[i + 1] - mu, d2 = x[i + 2] - mu, d3 = x[i + 3] - mu;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < to; i++) s0 += (double) (x[i] - mu) * (x[i] - mu);
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double sumProducts(float[] dy, float[] x, int from, int to, float mu) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            s0 += (double) dy[i] * (x[i] - mu);
            s1 += (double) dy[i + 1] * (x[i + 1] - mu);
            s2 += (double) dy[i + 2] * (x[i + 2] - mu);
            s3 += (double) dy[i + 3] * (x[i + 3] - mu);
        }
        for (; i < to; i++) s0 += (double) dy[i] * (x[i] - mu);
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] += a * x[xo + i];
    }

    @Override
    public void taps(float b, float[] w, int wo, float[] x, int[] off, float[] y, int yo, int from, int to) {
        for (int t = from; t < to; t++) {
            float acc = b;
            for (int k = 0; k < off.length; k++) acc += w[wo + k] * x[off[k] + t];
            y[yo + t] = acc;
        }
    }

    @Override
    public void multiply(float[] s, int so, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] *= s[so + i];
    }

    @Override
    public void affine(float[] x, float[] y, int from, int to, float scale, float shift) {
        for (int i = from; i < to; i++) y[i] = x[i] * scale + shift;
    }

    @Override
    public void normGradient(float[] dy, float[] x, float[] dx, int from, int to, float k, float a, float mu, float b) {
        for (int i = from; i < to; i++) dx[i] += k * (dy[i] - a - (x[i] - mu) * b);
    }
}
