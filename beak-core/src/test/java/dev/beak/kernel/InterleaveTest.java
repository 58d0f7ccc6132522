package dev.beak.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting into even and odd runs and zipping them back, on the Vector API and in plain Java: every length around a vector, offsets, accumulation. */
class InterleaveTest {
    private static final Interleave[] BOTH = {new ScalarInterleave(), new VectorInterleave()};

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 50})
    void splitTakesEvenAndOddElements(int count) {
        SplittableRandom rng = new SplittableRandom(count);
        float[] x = new float[2 * count + 9];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble(-1, 1);
        for (Interleave in : BOTH) {
            float[] dst = new float[2 * count + 20];
            java.util.Arrays.fill(dst, Float.NaN);
            in.split(x, 3, count, dst, 2, 4 + count);
            for (int k = 0; k < count; k++) {
                assertThat(dst[2 + k]).as("%s even %d", in, k).isEqualTo(x[3 + 2 * k]);
                assertThat(dst[4 + count + k]).as("%s odd %d", in, k).isEqualTo(x[4 + 2 * k]);
            }
            assertThat(dst[0]).isNaN();
            assertThat(dst[2 + count]).as("nothing written between the runs").isNaN();
            assertThat(dst[4 + 2 * count]).as("nothing written past the odd run").isNaN();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 50})
    void zipWritesOrAddsPairs(int count) {
        SplittableRandom rng = new SplittableRandom(count + 100);
        float[] a = new float[count + 5], b = new float[count + 6], before = new float[2 * count + 7];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextDouble(-1, 1);
        for (int i = 0; i < b.length; i++) b[i] = (float) rng.nextDouble(-1, 1);
        for (int i = 0; i < before.length; i++) before[i] = (float) rng.nextDouble(-1, 1);
        for (Interleave in : BOTH) {
            for (boolean accumulate : new boolean[] {false, true}) {
                float[] y = before.clone();
                in.zip(a, 2, b, 5, count, y, 3, accumulate);
                for (int j = 0; j < count; j++) {
                    assertThat(y[3 + 2 * j]).as("%s even %d", in, j).isEqualTo(accumulate ? before[3 + 2 * j] + a[2 + j] : a[2 + j]);
                    assertThat(y[4 + 2 * j]).as("%s odd %d", in, j).isEqualTo(accumulate ? before[4 + 2 * j] + b[5 + j] : b[5 + j]);
                }
                for (int i = 0; i < 3; i++) assertThat(y[i]).isEqualTo(before[i]);
                for (int i = 3 + 2 * count; i < y.length; i++) assertThat(y[i]).as("past the run").isEqualTo(before[i]);
            }
        }
    }
}
