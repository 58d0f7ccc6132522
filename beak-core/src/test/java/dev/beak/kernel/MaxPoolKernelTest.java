package dev.beak.kernel;

import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Max pooling (the 2x2 fast loop and the general one) against a plain search, with ties and NaNs. */
class MaxPoolKernelTest {
    @ParameterizedTest
    @CsvSource({
        "1, 1, 1, 1, 1, 1, false", "2, 3, 8, 8, 2, 2, false", "3, 5, 7, 9, 2, 2, false", "2, 2, 7, 7, 3, 2, true",
        "1, 4, 6, 5, 2, 1, true", "5, 2, 28, 28, 2, 2, false", "1, 1, 2, 2, 2, 2, false", "2, 3, 12, 11, 3, 2, true",
        "1, 2, 13, 14, 3, 1, true", "1, 2, 9, 9, 4, 3, false", "1, 2, 15, 14, 6, 2, false",
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
}
