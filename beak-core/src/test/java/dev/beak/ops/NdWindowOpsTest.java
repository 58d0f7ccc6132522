package dev.beak.ops;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** N-d average and p-norm pooling and N-d transposed convolution against naive double references. */
class NdWindowOpsTest {
    private final SplittableRandom rng = new SplittableRandom(5);

    /** 3-d pooling over x (1, 2, 5, 4, 6): kernel 2x3x2, stride 2x1x2, dilation 1x2x2, padding B before and A after. */
    private static final int[] X = {1, 2, 5, 4, 6}, K = {2, 3, 2}, S = {2, 1, 2}, D = {1, 2, 2}, B = {1, 1, 0}, A = {0, 1, 1};

    @Test
    void averagePooling3dWithDilationPaddingAndCeilMode() {
        // Output (5+1+0-1-1)/2+1 = 3, (4+1+1-4-1)/1+1 = 2, (6+0+1-2-1)/2+1 = 3.
        for (boolean includePad : new boolean[] {false, true}) {
            GradCheck.check(t -> Ops.avgPoolNd(t[0], K, S, D, B, A, false, includePad),
                    v -> avg(v[0], new int[] {3, 2, 3}, B, A, includePad), Tensor.randn(rng, X));
        }
        // Ceil mode: spans 3, 1, 3 give 2, 2, 2 windows, and 3, 2, 3 rounding up (no last window starts in the
        // padding); the extra padding never counts, so the reference sees the explicit padding only.
        int[] before = {0, 1, 0}, after = {0, 1, 0};
        assertThat(Ops.avgPoolNd(Tensor.randn(rng, X), K, S, D, before, after, false, true).shape()).containsExactly(1, 2, 2, 2, 2);
        for (boolean includePad : new boolean[] {false, true}) {
            GradCheck.check(t -> Ops.avgPoolNd(t[0], K, S, D, before, after, true, includePad),
                    v -> avg(v[0], new int[] {3, 2, 3}, before, after, includePad), Tensor.randn(rng, X));
        }
    }

    @Test
    void averagePoolingMatchesThe2dOp() {
        Tensor x = Tensor.randn(rng, 2, 3, 7, 6);
        for (boolean ceil : new boolean[] {false, true}) {
            for (boolean includePad : new boolean[] {false, true}) {
                Tensor nd = Ops.avgPoolNd(x, new int[] {3, 2}, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 0}, new int[] {1, 1}, ceil, includePad);
                Tensor two = Ops.avgPool2d(x, 3, 2, 2, 2, new Padding.Explicit(1, 1, 0, 1), ceil, includePad);
                assertThat(nd.shape()).containsExactly(two.shape());
                for (int i = 0; i < nd.size(); i++) assertThat(nd.data()[i]).isCloseTo(two.data()[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void lpPooling3d() {
        for (float p : new float[] {1f, 2f, 3f}) {
            GradCheck.check(t -> Ops.lpPoolNd(t[0], p, K, S, D, B, A, false),
                    v -> lp(v[0], p, new int[] {3, 2, 3}), Tensor.randn(rng, X));
        }
        assertThatThrownBy(() -> Ops.lpPoolNd(Tensor.zeros(X), 0.5f, K, S, D, B, A, false)).hasMessageContaining("p must be >= 1");
    }

    @Test
    void transposedConvolution3dWithGroupsAndOutputPadding() {
        int[] xs = {2, 4, 2, 3, 2}, ws = {4, 3, 2, 2, 3}, s = {2, 1, 2}, d = {1, 2, 1}, b = {1, 0, 0}, a = {0, 1, 2}, op = {1, 0, 1};
        // O = (I-1)*s - b - a + d*(K-1) + op + 1: 2 - 1 - 0 + 1 + 1 + 1, 2 - 0 - 1 + 2 + 0 + 1, 2 - 0 - 2 + 2 + 1 + 1, all 4.
        int[] out = {4, 4, 4};
        Tensor y = Ops.convTransposeNd(Tensor.zeros(xs), Tensor.zeros(ws), null, s, d, b, a, op, 2);
        assertThat(y.shape()).containsExactly(2, 6, 4, 4, 4);
        GradCheck.check(t -> Ops.convTransposeNd(t[0], t[1], t[2], s, d, b, a, op, 2),
                v -> convTranspose(v[0], v[1], v[2], xs, ws, 2, s, d, b, out),
                Tensor.randn(rng, xs), Tensor.randn(rng, ws), Tensor.randn(rng, 6));
        assertThatThrownBy(() -> Ops.convTransposeNd(Tensor.zeros(xs), Tensor.zeros(ws), null, s, d, b, a, new int[] {2, 0, 0}, 2))
                .hasMessageContaining("output padding");
    }

    @Test
    void transposedConvolutionNdMatchesThe2dOp() {
        Tensor x = Tensor.randn(rng, 1, 2, 3, 4), w = Tensor.randn(rng, 2, 3, 3, 2), bias = Tensor.randn(rng, 3);
        Tensor nd = Ops.convTransposeNd(x, w, bias, new int[] {2, 3}, new int[] {1, 2}, new int[] {1, 0}, new int[] {0, 2}, new int[] {1, 1}, 1);
        Tensor two = Ops.convTranspose2d(x, w, bias, 2, 3, 1, 2, new int[] {1, 0, 0, 2}, new int[] {1, 1}, 1);
        assertThat(nd.shape()).containsExactly(two.shape());
        for (int i = 0; i < nd.size(); i++) assertThat(nd.data()[i]).isCloseTo(two.data()[i], org.assertj.core.data.Offset.offset(1e-4f));
    }

    // ---- naive references over (1, C, D, H, W) ------------------------------------------------------

    private static double[] avg(double[] x, int[] out, int[] before, int[] after, boolean includePad) {
        int c = X[1];
        double[] y = new double[c * out[0] * out[1] * out[2]];
        for (int ch = 0, o = 0; ch < c; ch++) {
            for (int i = 0; i < out[0]; i++) for (int j = 0; j < out[1]; j++) for (int k = 0; k < out[2]; k++, o++) {
                double s = 0;
                int n = 0;
                for (int p = 0; p < K[0]; p++) for (int q = 0; q < K[1]; q++) for (int r = 0; r < K[2]; r++) {
                    int a = i * S[0] - before[0] + p * D[0], b = j * S[1] - before[1] + q * D[1], e = k * S[2] - before[2] + r * D[2];
                    boolean inside = a >= 0 && a < X[2] && b >= 0 && b < X[3] && e >= 0 && e < X[4];
                    boolean padded = a >= -before[0] && a < X[2] + after[0] && b >= -before[1] && b < X[3] + after[1]
                            && e >= -before[2] && e < X[4] + after[2];
                    if (inside) s += x[((ch * X[2] + a) * X[3] + b) * X[4] + e];
                    if (includePad ? padded : inside) n++;
                }
                y[o] = s / n;
            }
        }
        return y;
    }

    private static double[] lp(double[] x, double pw, int[] out) {
        int c = X[1];
        double[] y = new double[c * out[0] * out[1] * out[2]];
        for (int ch = 0, o = 0; ch < c; ch++) {
            for (int i = 0; i < out[0]; i++) for (int j = 0; j < out[1]; j++) for (int k = 0; k < out[2]; k++, o++) {
                double s = 0;
                for (int p = 0; p < K[0]; p++) for (int q = 0; q < K[1]; q++) for (int r = 0; r < K[2]; r++) {
                    int a = i * S[0] - B[0] + p * D[0], b = j * S[1] - B[1] + q * D[1], e = k * S[2] - B[2] + r * D[2];
                    if (a >= 0 && a < X[2] && b >= 0 && b < X[3] && e >= 0 && e < X[4]) s += Math.pow(Math.abs(x[((ch * X[2] + a) * X[3] + b) * X[4] + e]), pw);
                }
                y[o] = Math.pow(s, 1 / pw);
            }
        }
        return y;
    }

    private static double[] convTranspose(double[] x, double[] w, double[] bias, int[] xs, int[] ws, int groups, int[] s, int[] d, int[] b, int[] out) {
        int n = xs[0], c = xs[1], cg = c / groups, fg = ws[1], f = fg * groups, osz = out[0] * out[1] * out[2];
        double[] y = new double[n * f * osz];
        for (int i = 0; i < n * f; i++) for (int o = 0; o < osz; o++) y[i * osz + o] = bias[i % f];
        for (int i = 0; i < n; i++) for (int ch = 0; ch < c; ch++) for (int fo = 0; fo < fg; fo++) {
            int fOut = ch / cg * fg + fo;
            for (int p = 0; p < xs[2]; p++) for (int q = 0; q < xs[3]; q++) for (int r = 0; r < xs[4]; r++) {
                double v = x[(((i * c + ch) * xs[2] + p) * xs[3] + q) * xs[4] + r];
                for (int kp = 0; kp < ws[2]; kp++) for (int kq = 0; kq < ws[3]; kq++) for (int kr = 0; kr < ws[4]; kr++) {
                    int a = p * s[0] - b[0] + kp * d[0], e = q * s[1] - b[1] + kq * d[1], g = r * s[2] - b[2] + kr * d[2];
                    if (a < 0 || a >= out[0] || e < 0 || e >= out[1] || g < 0 || g >= out[2]) continue;
                    y[((i * f + fOut) * out[0] + a) * out[1] * out[2] + e * out[2] + g]
                            += v * w[(((ch * fg + fo) * ws[2] + kp) * ws[3] + kq) * ws[4] + kr];
                }
            }
        }
        return y;
    }
}
