package dev.beak.kernel;

/**
 * The backward pass of 2x2, stride-2 max pooling over one output row, in plain Java
 * ({@link ScalarTwoByTwoGradient}) or on the Vector API ({@code VectorTwoByTwoGradient}), which
 * {@link Kernels#twoByTwoGradient()} chooses. The forward pass keeps no argmax, so each window's
 * winner is found again: the first of its inputs, in row-major order, equal to its output (the
 * first NaN when the output is NaN), which is the first maximum the general loop would record.
 */
interface TwoByTwoGradient {
    /**
     * dx += dy sent to the winners of {@code len} windows: window k covers {@code x[i + 2k]},
     * {@code x[i + 2k + 1]}, {@code x[i + w + 2k]} and {@code x[i + w + 2k + 1]}, its output is
     * {@code y[o + k]} and its gradient {@code dy[o + k]}; dx is indexed as x. Other elements of dx
     * are left as they are.
     */
    void gradient(float[] x, int i, int w, float[] y, float[] dy, int o, int len, float[] dx);
}
