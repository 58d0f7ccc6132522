package dev.beak.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The Vector API loops equal the scalar ones bit for bit (same operations, same order), tails and specials included. */
class ElementwiseTest {
    private static final ElementwiseKernel SCALAR = new ScalarElementwise(), VECTOR = new VectorElementwise();

    static float[] values(SplittableRandom rng, int n) {
        float[] a = new float[n];
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE};
        for (int i = 0; i < n; i++) a[i] = rng.nextInt(10) == 0 ? specials[rng.nextInt(specials.length)] : (float) (rng.nextGaussian());
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 16, 17, 33, 1000, 70_001})
    void reluForwardAndBackward(int n) {
        SplittableRandom rng = new SplittableRandom(n);
        float[] x = values(rng, n), dy = values(rng, n), base = values(rng, n);
        float[] y1 = new float[n], y2 = new float[n];
        SCALAR.relu(x, y1, 0, n);
        VECTOR.relu(x, y2, 0, n);
        assertThat(bits(y2)).containsExactly(bits(y1));
        float[] dx1 = base.clone(), dx2 = base.clone(), dx3 = base.clone();
        SCALAR.reluBackward(x, dy, dx1, 0, n);
        VECTOR.reluBackward(x, dy, dx2, 0, n);
        assertThat(bits(dx2)).containsExactly(bits(dx1));
        // The parallel entry point (whatever kernel is selected) agrees too.
        float[] y3 = new float[n];
        Elementwise.relu(x, y3, n);
        Elementwise.reluBackward(x, dy, dx3, n);
        assertThat(bits(y3)).containsExactly(bits(y1));
        assertThat(bits(dx3)).containsExactly(bits(dx1));
    }

    /** The normalisation loops: sums within rounding of a double reference (lanes add in another order), the rest exact. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 32, 33, 1000, 5000, 70_001})
    void normalisationLoops(int n) {
        SplittableRandom rng = new SplittableRandom(n + 11);
        float[] x = new float[n + 3], dy = new float[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() + 3);
            dy[i] = (float) rng.nextGaussian();
        }
        int from = 3, to = n + 3;
        float mu = 2.75f;
        double sum = 0, sq = 0, prod = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
            sq += (double) (x[i] - mu) * (x[i] - mu);
            prod += (double) dy[i] * (x[i] - mu);
        }
        for (ElementwiseKernel k : new ElementwiseKernel[] {SCALAR, VECTOR}) {
            double tol = 1e-5 * (n + 1);
            assertThat(k.sum(x, from, to)).isCloseTo(sum, org.assertj.core.api.Assertions.within(tol));
            assertThat(k.sumSquares(x, from, to, mu)).isCloseTo(sq, org.assertj.core.api.Assertions.within(tol));
            assertThat(k.sumProducts(dy, x, from, to, mu)).isCloseTo(prod, org.assertj.core.api.Assertions.within(tol));
        }
        float[] y1 = new float[x.length], y2 = new float[x.length];
        SCALAR.affine(x, y1, from, to, 0.5f, -1.25f);
        VECTOR.affine(x, y2, from, to, 0.5f, -1.25f);
        assertThat(bits(y2)).containsExactly(bits(y1));
        assertThat(y1[0]).as("outside the range stays untouched").isZero();
        float[] a1 = dy.clone(), a2 = dy.clone();
        SCALAR.axpy(-0.75f, x, from, a1, 1, n);
        VECTOR.axpy(-0.75f, x, from, a2, 1, n);
        assertThat(bits(a2)).containsExactly(bits(a1));
        for (int i = 0; i < n; i++) assertThat(a1[1 + i]).isEqualTo(dy[1 + i] + -0.75f * x[from + i]);
        assertThat(a1[0]).isEqualTo(dy[0]);
        // The taps of a 3-tap filter summed in registers equal three axpy passes over bias-filled rows, bit for bit.
        int[] off = {0, 1, 2};
        float[] tw = {0.5f, -1.25f, 2f}, t1 = new float[n + 1], t2 = new float[n + 1], byAxpy = new float[n + 1];
        SCALAR.taps(0.375f, tw, 0, x, off, t1, 1, 0, Math.max(0, n - 2));
        VECTOR.taps(0.375f, tw, 0, x, off, t2, 1, 0, Math.max(0, n - 2));
        java.util.Arrays.fill(byAxpy, 1, 1 + Math.max(0, n - 2), 0.375f);
        for (int k = 0; k < 3; k++) SCALAR.axpy(tw[k], x, off[k], byAxpy, 1, Math.max(0, n - 2));
        assertThat(bits(t2)).containsExactly(bits(t1));
        assertThat(bits(t1)).containsExactly(bits(byAxpy));
        float[] dx1 = dy.clone(), dx2 = dy.clone();
        SCALAR.normGradient(dy, x, dx1, from, to, 1.5f, 0.25f, mu, 0.125f);
        VECTOR.normGradient(dy, x, dx2, from, to, 1.5f, 0.25f, mu, 0.125f);
        for (int i = 0; i < x.length; i++) {
            double want = i < from ? dy[i] : dy[i] + 1.5 * (dy[i] - 0.25 - (x[i] - mu) * 0.125);
            assertThat((double) dx1[i]).isCloseTo(want, org.assertj.core.api.Assertions.within(1e-5));
            assertThat((double) dx2[i]).isCloseTo(want, org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    /**
     * The same sums over the same values give the same bits before and after the JIT compiles the
     * loops (20,000 calls): a reduction whose order depends on the compiler would make training runs differ.
     */
    @org.junit.jupiter.api.Test
    void sumsDoNotDependOnCompilation() {
        SplittableRandom rng = new SplittableRandom(3);
        float[] x = new float[200], dy = new float[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian() * 1000f;
            dy[i] = (float) rng.nextGaussian();
        }
        double sum = VECTOR.sum(x, 0, x.length), sq = VECTOR.sumSquares(x, 0, x.length, 0.5f);
        double prod = VECTOR.sumProducts(dy, x, 0, x.length, 0.5f);
        for (int rep = 0; rep < 20_000; rep++) {
            assertThat(VECTOR.sum(x, 0, x.length)).as("sum, call %d", rep).isEqualTo(sum);
            assertThat(VECTOR.sumSquares(x, 0, x.length, 0.5f)).as("sum of squares, call %d", rep).isEqualTo(sq);
            assertThat(VECTOR.sumProducts(dy, x, 0, x.length, 0.5f)).as("sum of products, call %d", rep).isEqualTo(prod);
        }
    }

    /** A weight whose gradient stays zero: its first moment shrinks to zero without passing through subnormals. */
    @org.junit.jupiter.api.Test
    void adamFlushesSubnormalMoments() {
        int n = 37;
        for (ElementwiseKernel k : new ElementwiseKernel[] {SCALAR, VECTOR}) {
            float[] w = new float[n], g = new float[n], m = new float[n], v = new float[n];
            java.util.Arrays.fill(m, 1f);
            java.util.Arrays.fill(v, 1f);
            for (int step = 0; step < 1200; step++) {
                k.adam(w, g, m, v, 0, n, 0.9f, 0.999f, 1e-3f, 1e-7f, 1f);
                for (int i = 0; i < n; i++) {
                    assertThat(m[i] == 0f || Math.abs(m[i]) >= Float.MIN_NORMAL).as("m after step %d", step).isTrue();
                }
            }
            assertThat(m).containsOnly(0f);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 100, 65_539})
    void adamStep(int n) {
        SplittableRandom rng = new SplittableRandom(n + 5);
        float[] w = new float[n], g = new float[n], m = new float[n], v = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) rng.nextGaussian();
            g[i] = (float) rng.nextGaussian() * 0.1f;
            m[i] = (float) rng.nextGaussian() * 0.01f;
            v[i] = (float) rng.nextDouble() * 0.001f;
        }
        float[][] a = {w.clone(), m.clone(), v.clone()}, b = {w.clone(), m.clone(), v.clone()}, c = {w.clone(), m.clone(), v.clone()};
        SCALAR.adam(a[0], g, a[1], a[2], 0, n, 0.9f, 0.999f, 1e-3f, 3e-9f, 0.03f);
        VECTOR.adam(b[0], g, b[1], b[2], 0, n, 0.9f, 0.999f, 1e-3f, 3e-9f, 0.03f);
        Elementwise.adam(c[0], g, c[1], c[2], n, 0.9f, 0.999f, 1e-3f, 3e-9f, 0.03f);
        for (int k = 0; k < 3; k++) {
            assertThat(bits(b[k])).containsExactly(bits(a[k]));
            assertThat(bits(c[k])).containsExactly(bits(a[k]));
        }
    }

    private static int[] bits(float[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) r[i] = Float.floatToIntBits(a[i]);
        return r;
    }
}
