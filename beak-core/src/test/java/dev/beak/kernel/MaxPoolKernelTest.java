package dev.beak.kernel;

import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Max pooling (the 2x2 fast loop, the 3x3 stride-2 rows and the general loop) against a plain search,
 * with ties and NaNs; the 3x3 rows, scalar and vector, against the general loop bit for bit.
 */
class MaxPoolKernelTest {
    private static final MaxPoolRows[] ROWS = {new ScalarMaxPoolRows(), new VectorMaxPoolRows()};

    @ParameterizedTest
    @CsvSource({
        "1, 1, 1, 1, 1, 1, false", "2, 3, 8, 8, 2, 2, false", "3, 5, 7, 9, 2, 2, false", "2, 2, 7, 7, 3, 2, true",
        "1, 4, 6, 5, 2, 1, true", "5, 2, 28, 28, 2, 2, false", "1, 1, 2, 2, 2, 2, false", "2, 3, 12, 11, 3, 2, true",
        "1, 2, 13, 14, 3, 1, true", "1, 2, 9, 9, 4, 3, false", "1, 2, 15, 14, 6, 2, false",
        "2, 3, 40, 41, 3, 2, true", "1, 2, 70, 69, 3, 2, false", "1, 1, 1, 1, 3, 2, true", "1, 1, 2, 3, 3, 2, true",
        "2, 3, 40, 70, 2, 2, false", "1, 2, 33, 67, 2, 2, false",
    })
    void matchesPlainSearch(int n, int c, int h, int w, int k, int stride, boolean same) {
        SplittableRandom rng = new SplittableRandom(h * 7 + w + c);
        Window2d g = Window2d.of(new int[] {n, c, h, w}, k, k, stride, stride, 1, 1, same ? Padding.SAME : Padding.VALID);
        float[] x = new float[n * c * h * w];
        // Few distinct values make ties common; a few NaNs must propagate.
        for (int i = 0; i < x.length; i++) x[i] = rng.nextInt(5) - 2;
        for (int i = 0; i < x.length / 17; i++) x[rng.nextInt(x.length)] = Float.NaN;
        int out = n * c * g.oH() * g.oW();
        float[] y = new float[out];
        int[] arg = new int[out];
        MaxPoolKernel.forward(x, g, y, arg);
        for (MaxPoolRows rows : ROWS) {
            float[] values = new float[out];
            MaxPoolKernel.forwardValues(x, g, values, rows);   // the inference path: the same values, no winners
            for (int o = 0; o < out; o++) {
                assertThat(Float.floatToIntBits(values[o])).as("inference output %d (%s)", o, rows.getClass().getSimpleName())
                        .isEqualTo(Float.floatToIntBits(y[o]));
            }
        }
        int[] ref = new int[out];
        for (int pl = 0, o = 0; pl < n * c; pl++) {
            for (int oy = 0; oy < g.oH(); oy++) {
                for (int ox = 0; ox < g.oW(); ox++, o++) {
                    int best = -1;
                    search:
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int iy = oy * stride - g.padTop() + i, ix = ox * stride - g.padLeft() + j;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                            int at = (pl * h + iy) * w + ix;
                            if (best < 0 || x[at] > x[best] || Float.isNaN(x[at])) best = at;
                            if (Float.isNaN(x[at])) break search;
                        }
                    }
                    assertThat(Float.floatToIntBits(y[o])).as("output %d", o).isEqualTo(Float.floatToIntBits(x[best]));
                    ref[o] = best;
                }
            }
        }
        float[] dy = new float[out], dx = new float[x.length], want = new float[x.length];
        for (int i = 0; i < out; i++) {
            dy[i] = i + 1;
            want[ref[i]] += dy[i];
        }
        MaxPoolKernel.backward(x, y, dy, arg, g, dx);
        assertThat(dx).containsExactly(want);
    }

    /**
     * The 2x2 gradient rows, vector and scalar, give the same dx bit for bit: winners among ties (0
     * and -0 alike), NaN outputs, and dx elements that win nothing left untouched (a -0 stays -0).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 15, 16, 17, 40, 77})
    void twoByTwoGradientRowsAgree(int len) {
        SplittableRandom rng = new SplittableRandom(len);
        int w = 2 * len + 3;
        float[] x = new float[2 * w + 8], y = new float[len], dy = new float[len];
        float[] values = {0f, -0f, 1f, 2f, Float.NaN, Float.NEGATIVE_INFINITY};
        for (int i = 0; i < x.length; i++) x[i] = values[rng.nextInt(values.length)];
        for (int k = 0; k < len; k++) {
            int i = 1 + 2 * k;
            y[k] = Math.max(Math.max(x[i], x[i + 1]), Math.max(x[i + w], x[i + w + 1]));
            dy[k] = (float) rng.nextDouble(-1, 1);
        }
        float[] start = new float[x.length];
        for (int i = 0; i < start.length; i++) start[i] = rng.nextBoolean() ? -0f : (float) rng.nextDouble(-1, 1);
        float[] scalar = start.clone(), vector = start.clone();
        new ScalarTwoByTwoGradient().gradient(x, 1, w, y, dy, 0, len, scalar);
        if (Kernels.vectorized()) new VectorTwoByTwoGradient().gradient(x, 1, w, y, dy, 0, len, vector);
        else new ScalarTwoByTwoGradient().gradient(x, 1, w, y, dy, 0, len, vector);
        for (int i = 0; i < x.length; i++) {
            assertThat(Float.floatToRawIntBits(vector[i])).as("dx %d", i).isEqualTo(Float.floatToRawIntBits(scalar[i]));
        }
        assertThat(Float.floatToRawIntBits(scalar[0])).as("left of the windows").isEqualTo(Float.floatToRawIntBits(start[0]));
    }

    /**
     * The 3x3 stride-2 rows, scalar and vector, equal the general loop bit for bit: outputs (±0
     * included: inside windows take Math.max's 0, border windows the first zero met), winners and
     * gradients, on ReLU-like inputs (many ties at 0) mixed with -0, NaNs and infinities, with every
     * padding the path takes, widths below, at and past a vector, and ceil mode's extra padding.
     */
    @ParameterizedTest
    @CsvSource({
        "3, 3, 0, 0, 0, 0", "1, 1, 1, 1, 1, 1", "2, 3, 1, 1, 1, 1", "3, 2, 0, 1, 0, 1", "4, 4, 1, 0, 1, 0",
        "5, 5, 1, 2, 1, 2", "7, 8, 1, 1, 0, 0", "8, 7, 0, 0, 1, 1", "9, 33, 1, 1, 1, 1", "6, 34, 0, 1, 0, 1",
        "5, 35, 1, 1, 1, 1", "5, 36, 1, 1, 1, 2", "4, 37, 1, 1, 1, 1", "3, 38, 0, 0, 0, 0", "6, 67, 1, 2, 1, 2",
        "9, 70, 1, 1, 0, 1", "12, 112, 1, 1, 1, 1", "11, 113, 1, 1, 1, 1", "10, 129, 0, 0, 1, 2",
    })
    void threeByThreeRowsEqualTheGeneralLoop(int h, int w, int top, int bottom, int left, int right) {
        SplittableRandom rng = new SplittableRandom(h * 131 + w);
        Window2d g = Window2d.of(new int[] {2, 3, h, w}, 3, 3, 2, 2, 1, 1, new Padding.Explicit(top, bottom, left, right));
        assertThat(MaxPool3x3.applies(g)).isTrue();
        float[] specials = {-0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -1f, 1f};
        float[] x = new float[2 * 3 * h * w];
        for (int i = 0; i < x.length; i++) {
            int kind = rng.nextInt(20);
            x[i] = kind < 8 ? 0f : kind < 9 ? specials[rng.nextInt(specials.length)] : rng.nextInt(4);
        }
        // One plane without NaNs and one of infinities and zeros only, so that NaNs do not hide the other cases.
        for (int i = h * w; i < 3 * h * w; i++) {
            if (Float.isNaN(x[i])) x[i] = i < 2 * h * w ? -0f : Float.NEGATIVE_INFINITY;
            if (i >= 2 * h * w && x[i] != 0f && x[i] != Float.NEGATIVE_INFINITY) x[i] = rng.nextBoolean() ? -0f : Float.NEGATIVE_INFINITY;
        }
        int out = 2 * 3 * g.oH() * g.oW();
        float[] want = new float[out];
        int[] wantArg = new int[out];
        MaxPoolKernel.forwardGeneral(x, g, want, wantArg);
        float[] dy = new float[out], wantDx = new float[x.length];
        for (int i = 0; i < out; i++) dy[i] = rng.nextInt(8) - 3.5f;
        MaxPoolKernel.backward(x, want, dy, wantArg, g, wantDx);
        for (MaxPoolRows rows : ROWS) {
            float[] y = new float[out], dx = new float[x.length];
            int[] arg = new int[out];
            MaxPoolKernel.forward(x, g, y, arg, rows);
            assertThat(arg).as("%s winners", rows).containsExactly(wantArg);
            assertThat(bits(y)).as("%s outputs", rows).containsExactly(bits(want));
            MaxPoolKernel.backward(x, y, dy, arg, g, dx);
            assertThat(bits(dx)).as("%s gradient", rows).containsExactly(bits(wantDx));
        }
    }

    /**
     * The 3x3 rows give the same bits before and after the JIT compiles them (5,000 calls): C2's
     * vector max and compares must treat -0, 0 and NaN as the interpreter's Java code does.
     */
    @org.junit.jupiter.api.Test
    void threeByThreeRowsDoNotDependOnCompilation() {
        SplittableRandom rng = new SplittableRandom(5);
        Window2d g = Window2d.of(new int[] {1, 2, 9, 45}, 3, 3, 2, 2, 1, 1, Padding.of(1));
        float[] specials = {0f, 0f, 0f, -0f, Float.NaN, 1f, Float.NEGATIVE_INFINITY};
        float[] x = new float[2 * 9 * 45];
        for (int i = 0; i < x.length; i++) x[i] = specials[rng.nextInt(specials.length)];
        int out = 2 * g.oH() * g.oW();
        float[] want = new float[out], y = new float[out];
        int[] wantArg = new int[out], arg = new int[out];
        MaxPoolKernel.forwardGeneral(x, g, want, wantArg);
        for (int rep = 0; rep < 5_000; rep++) {
            for (MaxPoolRows rows : ROWS) {
                MaxPoolKernel.forward(x, g, y, arg, rows);
                if (!java.util.Arrays.equals(arg, wantArg) || !java.util.Arrays.equals(bits(y), bits(want))) {
                    assertThat(arg).as("%s winners, call %d", rows, rep).containsExactly(wantArg);
                    assertThat(bits(y)).as("%s outputs, call %d", rows, rep).containsExactly(bits(want));
                }
            }
        }
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToRawIntBits(a[i]);
        return b;
    }
}
