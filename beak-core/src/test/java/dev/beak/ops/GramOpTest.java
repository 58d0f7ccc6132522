package dev.beak.ops;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class GramOpTest {
    private final SplittableRandom rng = new SplittableRandom(11);

    /** y[n,i,j] = sum_p x[n,i,p] x[n,j,p] / P, in double. */
    private static double[] reference(double[] x, int n, int c, int p) {
        double[] y = new double[n * c * c];
        for (int b = 0; b < n; b++)
            for (int i = 0; i < c; i++)
                for (int j = 0; j < c; j++) {
                    double s = 0;
                    for (int k = 0; k < p; k++) s += x[(b * c + i) * p + k] * x[(b * c + j) * p + k];
                    y[(b * c + i) * c + j] = s / p;
                }
        return y;
    }

    @Test
    void matchesReferenceAndFiniteDifferences() {
        for (int[] s : new int[][] {{2, 3, 4, 5}, {1, 1, 1, 1}, {1, 4, 3, 1}}) {
            int n = s[0], c = s[1], p = s[2] * s[3];
            GradCheck.check(t -> GramOp.apply(t[0]), d -> reference(d[0], n, c, p), Tensor.randn(rng, s));
        }
    }

    @Test
    void isSymmetricWithMeanSquaresOnTheDiagonal() {
        Tensor x = Tensor.randn(rng, 1, 3, 6, 6);
        float[] g = GramOp.apply(x).data();
        for (int i = 0; i < 3; i++) {
            double ms = 0;
            for (int k = 0; k < 36; k++) ms += x.data()[i * 36 + k] * x.data()[i * 36 + k];
            assertThat((double) g[i * 3 + i]).isCloseTo(ms / 36, org.assertj.core.data.Offset.offset(1e-5));
            for (int j = 0; j < 3; j++) assertThat(g[i * 3 + j]).isEqualTo(g[j * 3 + i]);
        }
    }
}
