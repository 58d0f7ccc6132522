package dev.beak.kernel;

/**
 * Elementwise loops of the training step over index ranges [from, to) of plain arrays. Two
 * implementations give bit-identical results: {@link ScalarElementwise} (plain Java, also the
 * reference) and {@code VectorElementwise} (Vector API, same operations in the same order, no FMA);
 * the sums (for normalisation statistics) agree up to rounding, since lanes add in another order.
 * {@link Elementwise} picks one and splits long arrays over the threads.
 */
public interface ElementwiseKernel {
    /** y = max(x, 0) (NaN stays NaN). */
    void relu(float[] x, float[] y, int from, int to);

    /** dx += dy where x > 0. */
    void reluBackward(float[] x, float[] dy, float[] dx, int from, int to);

    /**
     * One Adam step with both bias corrections folded into {@code stepSize}, {@code epsHat} and
     * {@code scale}: {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g g; w -= stepSize m / (sqrt(v) + epsHat) * scale}.
     * Moments that fall below the smallest normal float become zero: a weight whose gradient stays
     * zero (a dead unit) has m shrink by b1 each step through the subnormal range, where every
     * operation costs the FPU a hundred times more (the demo once slowed 15-fold from its fifth epoch).
     */
    void adam(float[] w, float[] g, float[] m, float[] v, int from, int to,
              float b1, float b2, float stepSize, float epsHat, float scale);

    /** The sum of x[from, to), accumulated in double (blocks of lanes may add in float). */
    double sum(float[] x, int from, int to);

    /** The sum of (x - mu)² over [from, to). */
    double sumSquares(float[] x, int from, int to, float mu);

    /** The sum of dy * (x - mu) over [from, to). */
    double sumProducts(float[] dy, float[] x, int from, int to, float mu);

    /** y[yo + i] += a * x[xo + i] for i in [0, n): a multiply, then an add (no FMA). */
    void axpy(float a, float[] x, int xo, float[] y, int yo, int n);

    /**
     * The taps of a filter summed in registers: for t in [from, to), y[yo + t] := b, then for k = 0, 1, ...,
     * off.length - 1 in order, y[yo + t] += w[wo + k] * x[off[k] + t] (a multiply, then an add, as
     * {@link #axpy} does tap by tap, so the results are the same bit for bit).
     */
    void taps(float b, float[] w, int wo, float[] x, int[] off, float[] y, int yo, int from, int to);

    /** y[yo + i] *= s[so + i] for i in [0, n). */
    void multiply(float[] s, int so, float[] y, int yo, int n);

    /** y = x * scale + shift over [from, to). */
    void affine(float[] x, float[] y, int from, int to, float scale, float shift);

    /** dx += k * (dy - a - (x - mu) * b) over [from, to): batch normalisation's input gradient. */
    void normGradient(float[] dy, float[] x, float[] dx, int from, int to, float k, float a, float mu, float b);
}
