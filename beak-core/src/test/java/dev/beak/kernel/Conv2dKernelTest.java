package dev.beak.kernel;

import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The banded per-image convolution against a direct double-precision convolution, forward and all
 * three gradients, with bands of one row up to the whole image, batches below and above the thread
 * count, strides, dilation and padding.
 */
class Conv2dKernelTest {
    @ParameterizedTest
    @CsvSource({
        // n, c, h, w, f, k, stride, dilation, same, bandRows, group (images per GEMM)
        "1, 1, 1, 1, 1, 1, 1, 1, false, 1, 1",
        "1, 3, 9, 7, 5, 3, 1, 1, true, 1, 1",
        "1, 3, 9, 7, 5, 3, 1, 1, true, 4, 1",
        "5, 2, 8, 8, 3, 5, 1, 1, true, 3, 1",
        "5, 2, 8, 8, 3, 5, 1, 1, true, 3, 2",
        "7, 4, 11, 6, 33, 3, 2, 1, true, 2, 3",
        "2, 3, 15, 13, 4, 7, 2, 1, true, 2, 1",
        "2, 3, 16, 16, 4, 7, 2, 1, false, 3, 1",
        "2, 2, 12, 11, 3, 3, 2, 2, true, 1, 1",
        "1, 5, 9, 10, 6, 3, 2, 1, true, 100, 1",
        "3, 2, 10, 9, 4, 3, 1, 2, false, 100, 1",
        "3, 2, 10, 9, 4, 3, 1, 2, false, 100, 3",
        "9, 1, 28, 28, 32, 5, 1, 1, true, 28, 1",
        "4, 17, 6, 5, 65, 1, 1, 1, false, 2, 1",
        "1, 70, 14, 14, 40, 1, 1, 1, false, 2, 1",
        "1, 300, 7, 9, 64, 1, 1, 1, true, 2, 1",
        "3, 5, 9, 9, 6, 1, 2, 1, false, 2, 1",
        "11, 6, 4, 4, 9, 3, 1, 1, true, 4, 4",
        "1, 1, 1, 1, 1, 1, 1, 1, false, 1, 5",
    })
    void matchesDirectConvolution(int n, int c, int h, int w, int f, int k, int stride, int dilation,
                                  boolean same, int bandRows, int group) {
        SplittableRandom rng = new SplittableRandom(n * 131L + c * 17 + h * 3 + f);
        Window2d g = Window2d.of(new int[] {n, c, h, w}, k, k, stride, stride, dilation, dilation,
                same ? Padding.SAME : Padding.VALID);
        int kk = c * k * k, p = g.oH() * g.oW();
        float[] x = random(rng, n * c * h * w), wt = random(rng, f * kk), b = random(rng, f);
        float[] dy = random(rng, n * f * p);
        float[] y = new float[n * f * p];
        Conv2dKernel.forward(x, wt, null, Epilogue.of(b, false), g, f, y, bandRows, group);
        double[] ref = DirectConv.forward(x, wt, b, g, f);
        for (int i = 0; i < y.length; i++) assertThat((double) y[i]).isCloseTo(ref[i], org.assertj.core.api.Assertions.within(1e-4 * (1 + Math.abs(ref[i]))));

        // Gradients accumulate into what is there: start from ones. Both forms of the weight gradient.
        double[][] gr = DirectConv.backward(x, wt, dy, g, f);
        for (boolean transposed : new boolean[] {false, true}) {
            float[] dw = ones(f * kk), db = ones(f), dx = ones(x.length);
            Conv2dKernel.backward(x, wt, dy, g, f, dw, db, dx, bandRows, group, transposed);
            close(dw, gr[0]);
            close(db, gr[1]);
            close(dx, gr[2]);
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 3, 9, 7, 5, 1, 1, true", "1, 2, 8, 11, 3, 2, 1, true", "1, 3, 13, 15, 7, 2, 1, true", "2, 2, 12, 11, 3, 2, 2, true", "2, 2, 10, 9, 3, 1, 2, false", "1, 1, 1, 1, 1, 1, 1, false"})
    void transposedColumnsAreTheTransposeOfTheColumns(int n, int c, int h, int w, int k, int stride, int dilation, boolean same) {
        Window2d g = Window2d.of(new int[] {n, c, h, w}, k, k, stride, stride, dilation, dilation, same ? Padding.SAME : Padding.VALID);
        float[] x = random(new SplittableRandom(9), n * c * h * w);
        int kk = c * k * k, oy0 = g.oH() / 3, oy1 = g.oH(), b = (oy1 - oy0) * g.oW();
        float[] cols = new float[kk * b], colsT = new float[kk * b];
        java.util.Arrays.fill(colsT, Float.NaN);
        Conv2dKernel.unfoldBand(x, g, n - 1, oy0, oy1, cols, 0, b);
        Conv2dKernel.unfoldBandTransposed(x, g, n - 1, oy0, oy1, colsT, 0);
        for (int r = 0; r < kk; r++) for (int q = 0; q < b; q++) assertThat(colsT[q * kk + r]).isEqualTo(cols[r * b + q]);
    }

    private static void close(float[] got, double[] refMinusOne) {
        for (int i = 0; i < got.length; i++) {
            double want = refMinusOne[i] + 1;
            assertThat((double) got[i]).as("element %d", i).isCloseTo(want, org.assertj.core.api.Assertions.within(1e-4 * (1 + Math.abs(want))));
        }
    }

    static float[] random(SplittableRandom rng, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = (float) (rng.nextDouble() * 2 - 1);
        return a;
    }

    private static float[] ones(int size) {
        float[] a = new float[size];
        java.util.Arrays.fill(a, 1f);
        return a;
    }
}
