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
