package dev.beak.kernel;

import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class Im2colTest {
    /** <unfold(x), y> == <x, fold(y)> for random x, y: fold is unfold's adjoint. */
    @Test
    void foldIsTheAdjointOfUnfold() {
        SplittableRandom rng = new SplittableRandom(3);
        Padding[] paddings = {Padding.VALID, Padding.SAME, new Padding.Explicit(2, 0, 1, 3)};
        for (Padding p : paddings) {
            for (int stride = 1; stride <= 3; stride++) {
                for (int dil = 1; dil <= 2; dil++) {
                    Window2d g = Window2d.of(new int[] {2, 3, 9, 7}, 3, 2, stride, stride, dil, dil, p);
                    int k = 3 * 3 * 2, cols = 2 * g.oH() * g.oW();
                    float[] x = random(rng, 2 * 3 * 9 * 7), y = random(rng, k * cols);
                    float[] ux = new float[k * cols], fy = new float[x.length];
                    Im2col.unfold(x, g, ux);
                    Im2col.fold(y, g, fy);
                    assertThat(dot(ux, y)).as("%s stride %d dilation %d", p, stride, dil)
                            .isCloseTo(dot(x, fy), org.assertj.core.data.Offset.offset(1e-3));
                }
            }
        }
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rng.nextDouble(-1, 1);
        return a;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
