package dev.beak.kernel;

/** {@link Interleave} in plain Java, a pair at a time. */
final class ScalarInterleave implements Interleave {
    @Override
    public void split(float[] x, int src, int count, float[] dst, int even, int odd) {
        for (int k = 0; k < count; k++) {
            dst[even + k] = x[src + 2 * k];
            dst[odd + k] = x[src + 2 * k + 1];
        }
    }

    @Override
    public void zip(float[] a, int ai, float[] b, int bi, int count, float[] y, int at, boolean accumulate) {
        if (accumulate) {
            for (int j = 0; j < count; j++) {
                y[at + 2 * j] += a[ai + j];
                y[at + 2 * j + 1] += b[bi + j];
            }
        } else {
            for (int j = 0; j < count; j++) {
                y[at + 2 * j] = a[ai + j];
                y[at + 2 * j + 1] = b[bi + j];
            }
        }
    }
}
