package dev.beak.ops;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** The layer-catalogue ops: fast forward against the double reference, backward against finite differences. */
class LayerOpsTest {
    private final SplittableRandom rng = new SplittableRandom(11);

    private Tensor randn(int... shape) {
        return Tensor.randn(rng, shape);
    }

    /** Values at least 0.05 away from every point in {@code kinks}. */
    private Tensor awayFrom(double[] kinks, int... shape) {
        Tensor t = randn(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            for (double k : kinks) if (Math.abs(d[i] - k) < 0.05) d[i] = (float) (k + (d[i] >= k ? 0.05 : -0.05) + (d[i] - k));
        }
        return t;
    }

    /** Distinct values (a shuffled ramp, shifted negative too), so max-style ops have no ties. */
    private Tensor distinct(int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (i - d.length / 3) * 0.1f + 0.03f;
        for (int i = d.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float s = d[i];
            d[i] = d[j];
            d[j] = s;
        }
        return t;
    }

    /** Without gradients each group runs as a convolution of its own (pointwise, banded, Winograd): the same values. */
    @Test
    void groupedConv2dInference() {
        // n, c, h, w, f, k, stride, groups, padding: 1x1 (ShuffleNet), AlexNet-like 5x5, Winograd-sized 3x3 groups, batches 1 and 3
        for (int[] r : new int[][] {{1, 12, 7, 9, 6, 1, 1, 3, 0}, {3, 12, 7, 9, 6, 1, 1, 3, 0}, {1, 8, 9, 9, 6, 5, 1, 2, 2},
                {2, 6, 11, 10, 4, 3, 2, 2, 1}, {2, 128, 16, 16, 128, 3, 1, 2, 1}}) {
            int n = r[0], c = r[1], h = r[2], w = r[3], f = r[4], k = r[5], s = r[6], groups = r[7];
            Padding p = Padding.of(r[8]);
            Window2d g = Window2d.of(new int[] {n, c / groups, h, w}, k, k, s, s, 1, 1, p);
            Tensor x = randn(n, c, h, w), wt = randn(f, c / groups, k, k), b = randn(f);
            double[] want = Reference.groupedConv2d(toDouble(x), toDouble(wt), toDouble(b), g, f, groups);
            Tensor y;
            try (var scope = dev.beak.autograd.Autograd.noGrad()) {
                y = Ops.conv2d(x, wt, b, s, s, 1, 1, p, groups);
            }
            assertThat(y.size()).isEqualTo(want.length);
            for (int i = 0; i < want.length; i++) {
                assertThat((double) y.data()[i]).as("case %s at %d", java.util.Arrays.toString(r), i)
                        .isCloseTo(want[i], org.assertj.core.api.Assertions.within(1e-4 * (1 + Math.abs(want[i]))));
            }
        }
    }

    /** Without gradients, 3x3 layers with 32 filters and many tiles run by Winograd: the same values as the grouped reference with one group. */
    @Test
    void thinConv2dInferenceByWinograd() {
        int n = 2, c = 64, h = 32, w = 32, f = 32;
        Tensor x = randn(n, c, h, w), wt = randn(f, c, 3, 3), b = randn(f);
        Window2d g = Window2d.of(new int[] {n, c, h, w}, 3, 3, 1, 1, 1, 1, Padding.SAME);
        assertThat(dev.beak.kernel.Winograd.paysForward(g, f) || !dev.beak.kernel.Kernels.vectorized()).isTrue();
        double[] want = Reference.groupedConv2d(toDouble(x), toDouble(wt), toDouble(b), g, f, 1);
        Tensor y;
        try (var scope = dev.beak.autograd.Autograd.noGrad()) {
            y = Ops.conv2d(x, wt, b, 1, 1, 1, 1, Padding.SAME);
        }
        for (int i = 0; i < want.length; i++) {
            assertThat((double) y.data()[i]).as("at %d", i).isCloseTo(want[i], org.assertj.core.api.Assertions.within(1e-4 * (1 + Math.abs(want[i]))));
        }
    }

    private static double[] toDouble(Tensor t) {
        double[] d = new double[t.size()];
        for (int i = 0; i < d.length; i++) d[i] = t.data()[i];
        return d;
    }

    @Test
    void groupedAndDepthwiseConv2d() {
        // n, c, h, w, f, k, stride, dilation, groups, padding
        for (Object[] r : new Object[][] {{2, 4, 5, 6, 6, 3, 1, 1, 2, Padding.SAME}, {1, 3, 6, 5, 3, 3, 2, 1, 3, Padding.VALID},
                {2, 2, 5, 5, 4, 2, 1, 2, 2, Padding.of(1)}, {1, 6, 4, 4, 3, 1, 1, 1, 3, Padding.VALID}, {1, 2, 4, 4, 2, 3, 1, 1, 1, Padding.SAME},
                {2, 2, 7, 6, 4, 3, 2, 2, 2, new Padding.Explicit(2, 1, 0, 3)}, {1, 3, 5, 5, 3, 2, 1, 1, 3, Padding.SAME}, {2, 1, 1, 1, 2, 1, 1, 1, 1, Padding.VALID}}) {
            int n = (int) r[0], c = (int) r[1], h = (int) r[2], w = (int) r[3], f = (int) r[4], k = (int) r[5], s = (int) r[6], d = (int) r[7], groups = (int) r[8];
            Padding p = (Padding) r[9];
            Window2d g = Window2d.of(new int[] {n, c / groups, h, w}, k, k, s, s, d, d, p);
            GradCheck.check(t -> Ops.conv2d(t[0], t[1], t[2], s, s, d, d, p, groups), x -> Reference.groupedConv2d(x[0], x[1], x[2], g, f, groups),
                    randn(n, c, h, w), randn(f, c / groups, k, k), randn(f));
        }
        assertThatThrownBy(() -> Ops.conv2d(Tensor.zeros(1, 4, 5, 5), Tensor.zeros(6, 3, 3, 3), null, 1, 1, 1, 1, Padding.VALID, 2))
                .hasMessageContaining("(1, 4, 5, 5)").hasMessageContaining("2 groups");
    }

    @Test
    void conv1dIsConv2dOfHeightOne() {
        GradCheck.check(t -> Ops.conv1d(t[0], t[1], t[2], 2, 1, Padding.SAME, 1), x -> Reference.groupedConv2d(x[0], x[1], x[2],
                Window2d.of(new int[] {2, 3, 1, 9}, 1, 3, 1, 2, 1, 1, Padding.SAME), 4, 1), randn(2, 3, 9), randn(4, 3, 3), randn(4));
        GradCheck.check(t -> Ops.conv1d(t[0], t[1], null, 1, 2, new Padding.Explicit(0, 0, 2, 1), 2), x -> Reference.groupedConv2d(x[0], x[1], null,
                Window2d.of(new int[] {1, 2, 1, 8}, 1, 2, 1, 1, 1, 2, new Padding.Explicit(0, 0, 2, 1)), 6, 2), randn(1, 4, 8), randn(6, 2, 2));
        assertThat(Ops.conv1d(Tensor.zeros(2, 4, 10), Tensor.zeros(4, 1, 3), null, 1, 2, new Padding.Explicit(0, 0, 1, 2), 4).shape())
                .containsExactly(2, 4, 9);
    }

    @Test
    void convTranspose2d() {
        // c, h, w, f/g, k, stride, dilation, groups, pads, output padding
        for (int[] r : new int[][] {{3, 3, 4, 2, 3, 2, 1, 1, 1, 1}, {4, 2, 3, 1, 2, 1, 1, 2, 0, 0}, {2, 3, 3, 2, 3, 1, 2, 1, 1, 1},
                {2, 1, 1, 3, 1, 1, 1, 1, 0, 0}, {4, 3, 2, 2, 3, 3, 1, 4, 2, 2}}) {
            int c = r[0], h = r[1], wd = r[2], fg = r[3], k = r[4], s = r[5], d = r[6], groups = r[7], pad = r[8], op = r[9];
            int[] pads = {pad, pad, pad, 0}, outPad = {op, op};
            int oH = (h - 1) * s - pads[0] - pads[1] + d * (k - 1) + op + 1, oW = (wd - 1) * s - pads[2] - pads[3] + d * (k - 1) + op + 1;
            int[] xs = {2, c, h, wd}, ws = {c, fg, k, k};
            Tensor y = Ops.convTranspose2d(Tensor.zeros(xs), Tensor.zeros(ws), null, s, s, d, d, pads, outPad, groups);
            assertThat(y.shape()).containsExactly(2, fg * groups, oH, oW);
            GradCheck.check(t -> Ops.convTranspose2d(t[0], t[1], t[2], s, s, d, d, pads, outPad, groups),
                    x -> Reference.convTranspose2d(x[0], x[1], x[2], xs, ws, groups, s, s, d, d, pads, oH, oW),
                    randn(xs), randn(ws), randn(fg * groups));
        }
        // PyTorch: ConvTranspose2d(k=3, stride=2, padding=1, output_padding=1) doubles 3x3 to 6x6.
        assertThat(Ops.convTranspose2d(Tensor.zeros(1, 1, 3, 3), Tensor.zeros(1, 1, 3, 3), null, 2, 2, 1, 1,
                new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1).shape()).containsExactly(1, 1, 6, 6);
        assertThat(Ops.convTranspose1d(Tensor.zeros(2, 3, 5), Tensor.zeros(3, 2, 4), null, 3, 1, 1, 0, 2, 1).shape())
                .containsExactly(2, 2, (5 - 1) * 3 - 1 + 3 + 2 + 1);
        // 1-d: the 2-d reference at height 1; x (2, 4, 5), w (4, 1, 3), groups 2, stride 2, pads 1/0, output padding 1.
        int oL = (5 - 1) * 2 - 1 + 2 + 1 + 1;
        GradCheck.check(t -> Ops.convTranspose1d(t[0], t[1], t[2], 2, 1, 1, 0, 1, 2),
                x -> Reference.convTranspose2d(x[0], x[1], x[2], new int[] {2, 4, 1, 5}, new int[] {4, 1, 1, 3}, 2, 1, 2, 1, 1,
                        new int[] {0, 0, 1, 0}, 1, oL), randn(2, 4, 5), randn(4, 1, 3), randn(2));
    }

    @Test
    void poolingWithCeilModeDilationAndPadding() {
        Tensor x = distinct(2, 2, 7, 6);
        // k, stride, dilation, pad, ceil
        for (int[] r : new int[][] {{2, 2, 1, 0, 1}, {3, 2, 1, 1, 1}, {3, 2, 2, 1, 0}, {2, 1, 2, 0, 1}, {3, 3, 1, 1, 0}}) {
            int k = r[0], s = r[1], d = r[2];
            Padding p = Padding.of(r[3]);
            boolean ceil = r[4] == 1;
            Window2d g = PoolWindow.of(x.shape(), k, k, s, s, d, d, p, ceil), plain = Window2d.of(x.shape(), k, k, s, s, 1, 1, p);
            GradCheck.check(t -> Ops.maxPool2d(t[0], k, k, s, s, d, d, p, ceil), v -> Reference.maxPool2dDilated(v[0], g), x.copy());
            GradCheck.check(t -> Ops.lpPool2d(t[0], 2f, k, k, s, s, p, ceil), v -> Reference.lpPool2d(v[0], PoolWindow.of(x.shape(), k, k, s, s, 1, 1, p, ceil), 2), x.copy());
            if (d == 1) {
                for (boolean cip : new boolean[] {true, false}) {
                    GradCheck.check(t -> Ops.avgPool2d(t[0], k, k, s, s, p, ceil, cip), v -> Reference.avgPool2d(v[0], g, plain, cip), x.copy());
                }
            }
        }
        GradCheck.check(t -> Ops.lpPool2d(t[0], 3f, 2, 2, 2, 2, Padding.VALID, false),
                v -> Reference.lpPool2d(v[0], Window2d.of(x.shape(), 2, 2, 2, 2, 1, 1, Padding.VALID), 3), x.copy());
    }

    @Test
    void ceilModeShapesMatchPyTorch() {
        // torch: MaxPool2d(2, 2, ceil_mode=True) on 5x5 gives 3x3; MaxPool2d(3, 2, padding=1, ceil_mode=True) on 6x6 gives 4x4;
        // AvgPool2d(3, 3, ceil_mode=True) on 7x7 gives 3x3.
        assertThat(Ops.maxPool2d(Tensor.zeros(1, 1, 5, 5), 2, 2, 2, 2, 1, 1, Padding.VALID, true).shape()).containsExactly(1, 1, 3, 3);
        assertThat(Ops.maxPool2d(Tensor.zeros(1, 1, 6, 6), 3, 3, 2, 2, 1, 1, Padding.of(1), true).shape()).containsExactly(1, 1, 4, 4);
        assertThat(Ops.avgPool2d(Tensor.zeros(1, 1, 7, 7), 3, 3, 3, 3, Padding.VALID, true, true).shape()).containsExactly(1, 1, 3, 3);
        // torch.nn.AvgPool2d(2, 2, ceil_mode=True)(ones 3x3): the ceil window divides by its clipped size.
        assertThat(Ops.avgPool2d(Tensor.full(1f, 1, 1, 3, 3), 2, 2, 2, 2, Padding.VALID, true, true).data()).containsOnly(1f);
    }

    @Test
    void pooling1d() {
        Tensor x = distinct(2, 3, 11);
        Window2d g = PoolWindow.of(new int[] {2, 3, 1, 11}, 1, 3, 1, 2, 1, 2, new Padding.Explicit(0, 0, 1, 1), true);
        GradCheck.check(t -> Ops.maxPool1d(t[0], 3, 2, 2, new Padding.Explicit(0, 0, 1, 1), true), v -> Reference.maxPool2dDilated(v[0], g), x.copy());
        Window2d a = Window2d.of(new int[] {2, 3, 1, 11}, 1, 4, 1, 3, 1, 1, Padding.VALID);
        GradCheck.check(t -> Ops.avgPool1d(t[0], 4, 3, Padding.VALID, false, true), v -> Reference.avgPool2d(v[0], a, a, true), x.copy());
        GradCheck.check(t -> Ops.lpPool1d(t[0], 2f, 4, 3, Padding.VALID, false), v -> Reference.lpPool2d(v[0], a, 2), x.copy());
        assertThatThrownBy(() -> Ops.maxPool1d(Tensor.zeros(1, 2, 3, 4), 2, 2, 1, Padding.VALID, false)).hasMessageContaining("(N, C, L)");
    }

    @Test
    void globalPooling() {
        Tensor x = distinct(2, 3, 4, 5);
        GradCheck.check(t -> Ops.globalMaxPool(t[0]), v -> Reference.globalPool(v[0], 6, true), x.copy());
        GradCheck.check(t -> Ops.globalAvgPool(t[0]), v -> Reference.globalPool(v[0], 6, false), x.copy());
        assertThat(Ops.globalAvgPool(Tensor.zeros(2, 3, 7)).shape()).containsExactly(2, 3);
    }

    @Test
    void batchNormTrainingUsesBatchStatisticsAndUpdatesRunningOnes() {
        for (int[] shape : new int[][] {{4, 3}, {3, 2, 5}, {2, 3, 4, 3}}) {
            int n = shape[0], c = shape[1];
            Tensor rm = Tensor.zeros(c), rv = Tensor.full(1f, c), x = randn(shape);
            GradCheck.check(t -> Ops.batchNormTrain(t[0], t[1], t[2], rm, rv, 0.1f, 1e-5f), v -> {
                double[][] mv = Reference.channelMoments(v[0], n, c);
                return Reference.batchNorm(v[0], v[1], v[2], mv[0], mv[1], n, c, 1e-5);
            }, x, randn(c), randn(c));
            double[][] mv = Reference.channelMoments(GradCheck.toDouble(x.data()), n, c);
            int m = x.size() / c;
            for (int ch = 0; ch < c; ch++) {
                assertThat(rm.data()[ch]).isCloseTo((float) (0.1 * mv[0][ch]), offset(1e-5f));
                assertThat(rv.data()[ch]).isCloseTo((float) (0.9 + 0.1 * mv[1][ch] * m / (m - 1)), offset(1e-5f));
            }
        }
    }

    @Test
    void batchNormEvaluationUsesRunningStatistics() {
        double[] mean = {0.5, -1, 2}, var = {1.5, 0.25, 4};
        Tensor rm = Tensor.of(new float[] {0.5f, -1f, 2f}, 3), rv = Tensor.of(new float[] {1.5f, 0.25f, 4f}, 3);
        GradCheck.check(t -> Ops.batchNormEval(t[0], t[1], t[2], rm, rv, 1e-3f),
                v -> Reference.batchNorm(v[0], v[1], v[2], mean, var, 2, 3, 1e-3), randn(2, 3, 2, 2), randn(3), randn(3));
        assertThatThrownBy(() -> Ops.batchNormEval(Tensor.zeros(2, 4), Tensor.zeros(3), Tensor.zeros(3), rm, rv, 1e-3f))
                .hasMessageContaining("(2, 4)").hasMessageContaining("4 channels");
    }

    @Test
    void groupInstanceAndLayerNorm() {
        GradCheck.check(t -> Ops.groupNorm(t[0], t[1], t[2], 2, 1e-5f), v -> Reference.groupNorm(v[0], v[1], v[2], 2, 4, 2, 1e-5),
                randn(2, 4, 3, 2), randn(4), randn(4));
        GradCheck.check(t -> Ops.instanceNorm(t[0], t[1], t[2], 1e-5f), v -> Reference.groupNorm(v[0], v[1], v[2], 2, 3, 3, 1e-5),
                randn(2, 3, 5), randn(3), randn(3));
        GradCheck.check(t -> Ops.layerNorm(t[0], t[1], t[2], 6, 1e-5f), v -> Reference.layerNorm(v[0], v[1], v[2], 6, 1e-5),
                randn(2, 2, 3), randn(2, 3), randn(2, 3));
        GradCheck.check(t -> Ops.layerNorm(t[0], t[1], t[2], 3, 1e-5f), v -> Reference.layerNorm(v[0], v[1], v[2], 3, 1e-5),
                randn(2, 2, 3), randn(3), randn(3));
        assertThatThrownBy(() -> Ops.groupNorm(Tensor.zeros(1, 6, 2), null, null, 4, 1e-5f)).hasMessageContaining("6 channels");
    }

    @Test
    void localResponseNorm() {
        for (int size : new int[] {1, 2, 3, 5}) {
            GradCheck.check(t -> Ops.localResponseNorm(t[0], size, 0.5f, 0.75f, 2f),
                    v -> Reference.localResponseNorm(v[0], 2, 6, size, 0.5, 0.75, 2), randn(2, 6, 2, 3));
        }
    }

    @Test
    void elementwiseActivations() {
        check(x -> Ops.leakyRelu(x, 0.1f), v -> v > 0 ? v : 0.1 * v, new double[] {0});
        check(x -> Ops.elu(x, 0.7f), v -> v > 0 ? v : 0.7 * (Math.exp(v) - 1), new double[] {0});
        check(Ops::selu, v -> 1.0507009873554805 * (v > 0 ? v : 1.6732632423543772 * (Math.exp(v) - 1)), new double[] {0});
        check(Ops::sigmoid, v -> 1 / (1 + Math.exp(-v)), new double[0]);
        check(Ops::tanh, Math::tanh, new double[0]);
        check(x -> Ops.hardSigmoid(x, 0.2f, 0.5f), v -> Math.max(0, Math.min(1, 0.2 * v + 0.5)), new double[] {-2.5, 2.5});
        check(Ops::hardSwish, v -> v * Math.max(0, Math.min(6, v + 3)) / 6, new double[] {-3, 3});
        check(Ops::softplus, v -> Math.log(1 + Math.exp(v)), new double[0]);
        assertThat(Ops.softplus(Tensor.of(new float[] {1000f, -1000f}, 2)).data()).containsExactly(1000f, 0f);
    }

    private void check(UnaryOperator<Tensor> op, DoubleUnaryOperator f, double[] kinks) {
        Tensor x = awayFrom(kinks, 3, 4, 2);
        for (int i = 0; i < x.size(); i++) x.data()[i] *= 2;
        for (int i = 0; i < x.size(); i++) {
            for (double k : kinks) if (Math.abs(x.data()[i] - k) < 0.05) x.data()[i] += 0.1f;
        }
        GradCheck.check(t -> op.apply(t[0]), v -> Reference.map(v[0], f), x);
    }

    @Test
    void logSoftmaxPreluAndMaxout() {
        GradCheck.check(t -> Ops.logSoftmax(t[0]), v -> Reference.logSoftmax(v[0], 5), randn(3, 5));
        assertThat(Ops.logSoftmax(Tensor.of(new float[] {1000f, 0f}, 1, 2)).data()).containsExactly(0f, -1000f);
        GradCheck.check(t -> Ops.prelu(t[0], t[1]), v -> Reference.prelu(v[0], v[1], 2, 3), awayFrom(new double[] {0}, 2, 3, 4), randn(3));
        GradCheck.check(t -> Ops.prelu(t[0], t[1]), v -> Reference.prelu(v[0], v[1], 2, 3), awayFrom(new double[] {0}, 2, 3), randn(1));
        GradCheck.check(t -> Ops.maxout(t[0], 3), v -> Reference.maxout(v[0], 2, 6, 3), distinct(2, 6, 2, 2));
        assertThatThrownBy(() -> Ops.maxout(Tensor.zeros(1, 5, 2), 2)).hasMessageContaining("(1, 5, 2)");
    }
}
