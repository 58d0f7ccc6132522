package dev.beak.ops;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Conv2dOpTest {
    static Stream<Arguments> cases() {
        // n, c, h, w, f, kH, kW, stride, dilation, padding, bias
        return Stream.of(
                Arguments.of(2, 3, 7, 6, 4, 3, 3, 1, 1, Padding.VALID, true),
                Arguments.of(2, 2, 7, 5, 3, 3, 3, 1, 1, Padding.SAME, true),
                Arguments.of(1, 2, 8, 7, 2, 5, 5, 2, 1, Padding.SAME, false),
                Arguments.of(2, 1, 6, 6, 2, 2, 2, 2, 1, Padding.VALID, true),
                Arguments.of(1, 3, 7, 5, 2, 3, 3, 2, 1, new Padding.Explicit(1, 0, 2, 1), true),
                Arguments.of(1, 2, 9, 8, 3, 3, 2, 1, 2, Padding.SAME, true),
                Arguments.of(3, 1, 1, 1, 1, 1, 1, 1, 1, Padding.VALID, true),
                Arguments.of(1, 4, 5, 5, 1, 1, 1, 1, 1, Padding.VALID, false),
                Arguments.of(2, 1, 4, 9, 5, 1, 4, 3, 1, Padding.SAME, true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesReferenceAndFiniteDifferences(int n, int c, int h, int w, int f, int kH, int kW, int stride,
                                              int dilation, Padding padding, boolean bias) {
        SplittableRandom rng = new SplittableRandom(n * 31 + c * 7 + h + w + f);
        Tensor x = Tensor.randn(rng, n, c, h, w), wt = Tensor.randn(rng, f, c, kH, kW), b = Tensor.randn(rng, f);
        Window2d g = Window2d.of(x.shape(), kH, kW, stride, stride, dilation, dilation, padding);
        if (bias) {
            GradCheck.check(t -> Conv2dOp.apply(t[0], t[1], t[2], stride, stride, dilation, dilation, padding),
                    d -> Reference.conv2d(d[0], d[1], d[2], g, f), x, wt, b);
        } else {
            GradCheck.check(t -> Conv2dOp.apply(t[0], t[1], null, stride, stride, dilation, dilation, padding),
                    d -> Reference.conv2d(d[0], d[1], null, g, f), x, wt);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void outputShapeFollowsTheFormula(int n, int c, int h, int w, int f, int kH, int kW, int stride,
                                      int dilation, Padding padding, boolean bias) {
        Tensor y = Conv2dOp.apply(Tensor.zeros(n, c, h, w), Tensor.zeros(f, c, kH, kW), null, stride, stride, dilation, dilation, padding);
        if (padding instanceof Padding.Same) {
            assertThat(y.shape()).containsExactly(n, f, (h + stride - 1) / stride, (w + stride - 1) / stride);
        }
        Window2d g = Window2d.of(new int[] {n, c, h, w}, kH, kW, stride, stride, dilation, dilation, padding);
        assertThat(y.shape()).containsExactly(n, f, g.oH(), g.oW());
    }

    /** A layer wide enough for Winograd (forward pass and both gradients) against the im2col kernels. */
    @org.junit.jupiter.api.Test
    void winogradLayerMatchesIm2col() {
        int n = 4, c = 64, h = 8, w = 16, f = 64;
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = Tensor.randn(rng, n, c, h, w).requiresGrad(true), wt = Tensor.randn(rng, f, c, 3, 3).requiresGrad(true);
        Tensor b = Tensor.randn(rng, f).requiresGrad(true);
        Window2d g = Window2d.of(x.shape(), 3, 3, 1, 1, 1, 1, Padding.SAME);
        assertThat(dev.beak.kernel.Winograd.pays(g, f) && dev.beak.kernel.Winograd.paysBackward(g, f)
                        && dev.beak.kernel.WinogradWeights.pays(g, f))
                .as("the case must take the Winograd path").isEqualTo(dev.beak.kernel.Kernels.vectorized());
        Tensor y = Conv2dOp.apply(x, wt, b, 1, 1, 1, 1, Padding.SAME);
        float[] dy = Tensor.randn(rng, y.shape()).data();
        y.backward(dy);
        float[] yRef = new float[y.data().length], dw = new float[wt.data().length], db = new float[f], dx = new float[x.data().length];
        dev.beak.kernel.Conv2dKernel.forward(x.data(), wt.data(), b.data(), g, f, yRef);
        dev.beak.kernel.Conv2dKernel.backward(x.data(), wt.data(), dy, g, f, dw, db, dx);
        assertClose(y.data(), yRef, 2e-3);
        assertClose(x.grad().data(), dx, 2e-3);
        assertClose(wt.grad().data(), dw, 2e-3);
        assertClose(b.grad().data(), db, 2e-3);
    }

    private static void assertClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(tolerance));
        }
    }

    @org.junit.jupiter.api.Test
    void channelMismatchNamesBothShapes() {
        assertThatThrownBy(() -> Ops.conv2d(Tensor.zeros(1, 3, 5, 5), Tensor.zeros(4, 2, 3, 3), null, 1, Padding.VALID))
                .hasMessageContaining("input has 3 channels, weights expect 2");
    }

    @org.junit.jupiter.api.Test
    void windowLargerThanInputIsRejected() {
        assertThatThrownBy(() -> Ops.conv2d(Tensor.zeros(1, 1, 2, 2), Tensor.zeros(1, 1, 3, 3), null, 1, Padding.VALID))
                .hasMessageContaining("does not fit");
    }
}
