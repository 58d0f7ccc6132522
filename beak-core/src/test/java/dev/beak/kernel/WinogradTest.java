package dev.beak.kernel;

import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Winograd F(2x2, 3x3) against the direct convolution: odd sizes (partial tiles), padding, passes of images, batches. */
class WinogradTest {
    @ParameterizedTest
    @CsvSource({
        // n, c, h, w, f, padding (same/valid/explicit), accumulate, floats of split planes per pass
        "1, 1, 3, 3, 1, valid, false, 16777216",
        "1, 1, 1, 1, 1, same, false, 16777216",
        "1, 3, 9, 7, 5, same, false, 16777216",
        "1, 3, 9, 7, 5, same, true, 16777216",
        "4, 8, 14, 14, 16, same, false, 16777216",
        "3, 5, 10, 13, 7, valid, false, 16777216",
        "2, 4, 6, 5, 3, explicit, true, 16777216",
        "5, 17, 11, 12, 33, same, false, 16777216",
        "1, 300, 6, 6, 9, same, false, 16777216",
        "2, 64, 20, 21, 70, same, true, 16777216",
        "3, 8, 33, 35, 5, same, false, 16777216",
        "3, 8, 33, 35, 5, same, true, 1",
        "4, 70, 9, 10, 9, same, false, 2000",
    })
    void matchesDirectConvolution(int n, int c, int h, int w, int f, String pad, boolean accumulate, int planeFloats) {
        Window2d g = window(n, c, h, w, pad);
        SplittableRandom rng = new SplittableRandom(n * 7L + c * 3 + h + w * 11 + f);
        float[] x = Conv2dKernelTest.random(rng, n * c * h * w), wt = Conv2dKernelTest.random(rng, f * c * 9), b = Conv2dKernelTest.random(rng, f);
        float[] y = new float[n * f * g.oH() * g.oW()];
        float[] before = Conv2dKernelTest.random(rng, y.length);
        if (accumulate) System.arraycopy(before, 0, y, 0, y.length);
        else java.util.Arrays.fill(y, Float.NaN);  // every output must be written
        Winograd.forward(x, wt, null, b, g, f, y, accumulate, planeFloats, false);
        double[] ref = DirectConv.forward(x, wt, b, g, f);
        for (int i = 0; i < y.length; i++) {
            double expected = ref[i] + (accumulate ? before[i] : 0);
            assertThat((double) y[i]).as("output %d", i).isCloseTo(expected, within(1e-4 * (c * 9 + 1)));
        }
    }

    @ParameterizedTest
    @CsvSource({
        // n, c, h, w, f, padding
        "1, 1, 3, 3, 1, valid",
        "2, 5, 9, 7, 3, same",
        "3, 6, 10, 13, 7, valid",
        "2, 4, 6, 5, 3, explicit",
        "2, 70, 12, 11, 65, same",
    })
    void inputGradientMatchesDirectConvolution(int n, int c, int h, int w, int f, String pad) {
        Window2d g = window(n, c, h, w, pad);
        SplittableRandom rng = new SplittableRandom(n * 5L + c + h * 3 + w + f * 13);
        float[] x = Conv2dKernelTest.random(rng, n * c * h * w), wt = Conv2dKernelTest.random(rng, f * c * 9);
        float[] dy = Conv2dKernelTest.random(rng, n * f * g.oH() * g.oW());
        float[] dx = Conv2dKernelTest.random(rng, x.length), before = dx.clone();
        assertThat(Winograd.appliesBackward(g)).isTrue();
        Winograd.backwardInput(dy, wt, g, f, dx);
        double[] ref = DirectConv.backward(x, wt, dy, g, f)[2];
        for (int i = 0; i < dx.length; i++) {
            assertThat((double) dx[i]).as("input gradient %d", i).isCloseTo(before[i] + ref[i], within(1e-4 * (f * 9 + 1)));
        }
    }

    @ParameterizedTest
    @CsvSource({
        // n, c, h, w, f, padding
        "1, 1, 3, 3, 1, valid",
        "2, 5, 9, 7, 3, same",
        "3, 6, 10, 13, 7, valid",
        "2, 4, 6, 5, 3, explicit",
        "2, 70, 12, 11, 65, same",
        "3, 64, 7, 7, 96, same",
        "1, 33, 1, 1, 17, same",
        "2, 40, 18, 37, 24, same",
    })
    void weightGradientMatchesDirectConvolution(int n, int c, int h, int w, int f, String pad) {
        Window2d g = window(n, c, h, w, pad);
        SplittableRandom rng = new SplittableRandom(n * 3L + c * 5 + h + w * 7 + f * 11);
        float[] x = Conv2dKernelTest.random(rng, n * c * h * w), wt = Conv2dKernelTest.random(rng, f * c * 9);
        float[] dy = Conv2dKernelTest.random(rng, n * f * g.oH() * g.oW());
        double[] ref = DirectConv.backward(x, wt, dy, g, f)[0];
        int tiles = n * ((g.oH() + 1) / 2) * ((g.oW() + 1) / 2);
        for (int rows : new int[] {0, 1, 3}) {
            for (boolean byThreads : new boolean[] {false, true}) {
                for (boolean vector : Kernels.vectorized() ? new boolean[] {true, false} : new boolean[] {false}) {
                    TileKernel tk = vector ? Kernels.tileKernel() : new ScalarTileKernel();
                    WinogradTransforms tf = vector ? Kernels.winogradTransforms() : new ScalarWinogradTransforms();
                    float[] dw = Conv2dKernelTest.random(rng, wt.length), before = dw.clone();
                    WinogradWeights.backward(x, dy, g, f, dw, tk, tf, rows, byThreads);
                    for (int i = 0; i < dw.length; i++) {
                        assertThat((double) dw[i]).as("weight gradient %d (%s, %d tile rows a pass, by threads %s)", i,
                                        vector ? "vector" : "scalar", rows, byThreads)
                                .isCloseTo(before[i] + ref[i], within(1e-4 * (tiles * 4 + 1)));
                    }
                }
            }
        }
    }

    /** A 3x3 stride-1 window over (n, c, h, w), padded "same", "valid" or explicitly (2, 0, 1, 2). */
    private static Window2d window(int n, int c, int h, int w, String pad) {
        Padding padding = switch (pad) {
            case "same" -> Padding.SAME;
            case "valid" -> Padding.VALID;
            default -> new Padding.Explicit(2, 0, 1, 2);
        };
        return Window2d.of(new int[] {n, c, h, w}, 3, 3, 1, 1, 1, 1, padding);
    }

    @Test
    void refusesOtherWindows() {
        Window2d g = Window2d.of(new int[] {1, 1, 5, 5}, 3, 3, 2, 2, 1, 1, Padding.VALID);
        assertThat(Winograd.applies(g)).isFalse();
        assertThatThrownBy(() -> Winograd.forward(new float[25], new float[9], null, g, 1, new float[4]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
