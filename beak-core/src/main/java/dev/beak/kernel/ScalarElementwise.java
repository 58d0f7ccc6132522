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
            m[i] = b1 * m[i] + a1 * gi;
            v[i] = b2 * v[i] + a2 * gi * gi;
            w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) + epsHat) * scale;
        }
    }
}
