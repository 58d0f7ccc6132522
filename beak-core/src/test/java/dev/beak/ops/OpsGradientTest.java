package dev.beak.ops;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpsGradientTest {
    private final SplittableRandom rng = new SplittableRandom(7);

    /** Values at least 0.05 away from zero, so ReLU's kink is never inside the finite-difference step. */
    private Tensor awayFromZero(int... shape) {
        Tensor t = Tensor.randn(rng, shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) if (Math.abs(d[i]) < 0.05f) d[i] = d[i] < 0 ? -0.05f - d[i] : 0.05f + d[i];
        return t;
    }

    /** Distinct values (a shuffled ramp), so max pooling has no ties. */
    private Tensor distinct(int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = i * 0.1f;
        for (int i = d.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float s = d[i];
            d[i] = d[j];
            d[j] = s;
        }
        return t;
    }

    @Test
    void relu() {
        GradCheck.check(t -> Ops.relu(t[0]), d -> Reference.relu(d[0]), awayFromZero(3, 5, 2));
    }

    @Test
    void maxPool2dValidSameAndStrided() {
        for (int[] c : new int[][] {{2, 2, 2, 2, 0}, {3, 3, 2, 2, 1}, {2, 2, 1, 1, 0}, {3, 2, 3, 1, 1}, {1, 1, 1, 1, 0}}) {
            int kH = c[0], kW = c[1], sH = c[2], sW = c[3];
            Padding p = c[4] == 1 ? Padding.SAME : Padding.VALID;
            Tensor x = distinct(2, 3, 7, 6);
            Window2d g = Window2d.of(x.shape(), kH, kW, sH, sW, 1, 1, p);
            GradCheck.check(t -> Ops.maxPool2d(t[0], kH, kW, sH, sW, p), d -> Reference.maxPool2d(d[0], g), x);
        }
    }

    @Test
    void denseWithAndWithoutBias() {
        for (int[] s : new int[][] {{4, 5, 3}, {1, 1, 1}, {7, 13, 2}}) {
            int n = s[0], in = s[1], out = s[2];
            GradCheck.check(t -> Ops.dense(t[0], t[1], t[2]), d -> Reference.dense(d[0], d[1], d[2], n, in, out),
                    Tensor.randn(rng, n, in), Tensor.randn(rng, in, out), Tensor.randn(rng, out));
            GradCheck.check(t -> Ops.dense(t[0], t[1], null), d -> Reference.dense(d[0], d[1], null, n, in, out),
                    Tensor.randn(rng, n, in), Tensor.randn(rng, in, out));
        }
    }

    @Test
    void denseWithWeightsStoredOutByIn() {
        for (int[] s : new int[][] {{4, 5, 3}, {1, 1, 1}, {2, 13, 7}}) {
            int n = s[0], in = s[1], out = s[2];
            GradCheck.check(t -> Ops.dense(t[0], t[1], t[2], DenseOp.WeightLayout.OUT_IN),
                    d -> Reference.dense(d[0], transposed(d[1], out, in), d[2], n, in, out),
                    Tensor.randn(rng, n, in), Tensor.randn(rng, out, in), Tensor.randn(rng, out));
        }
    }

    /** The (cols, rows) transpose of a row-major (rows, cols) matrix. */
    private static double[] transposed(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
        return t;
    }

    @Test
    void softmax() {
        GradCheck.check(t -> Ops.softmax(t[0]), d -> Reference.softmax(d[0], 5), Tensor.randn(rng, 3, 5));
    }

    @Test
    void softmaxCrossEntropyWithClassIndices() {
        Tensor labels = Tensor.of(new float[] {2, 0, 4, 1}, 4);
        double[] t = new double[20];
        for (int i = 0; i < 4; i++) t[i * 5 + (int) labels.data()[i]] = 1;
        GradCheck.check(x -> Ops.softmaxCrossEntropy(x[0], labels), d -> Reference.softmaxCrossEntropy(d[0], t, 5),
                Tensor.randn(rng, 4, 5));
    }

    @Test
    void softmaxCrossEntropyWithOneHotAndSoftTargets() {
        Tensor soft = Tensor.of(new float[] {0.2f, 0.8f, 0f, 1f, 0f, 0f}, 2, 3);
        GradCheck.check(x -> Ops.softmaxCrossEntropy(x[0], soft),
                d -> Reference.softmaxCrossEntropy(d[0], GradCheck.toDouble(soft.data()), 3), Tensor.randn(rng, 2, 3));
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        Tensor z = Tensor.of(new float[] {1000f, 0f, -1000f}, 1, 3);
        assertThat(Ops.softmaxCrossEntropy(z, Tensor.of(new float[] {0}, 1)).item()).isCloseTo(0f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(Ops.softmaxCrossEntropy(z, Tensor.of(new float[] {1}, 1)).item()).isCloseTo(1000f, org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void badLabelsAreNamed() {
        assertThatThrownBy(() -> Ops.softmaxCrossEntropy(Tensor.zeros(2, 3), Tensor.of(new float[] {1, 3}, 2)))
                .hasMessageContaining("label 1").hasMessageContaining("0..2");
        assertThatThrownBy(() -> Ops.softmaxCrossEntropy(Tensor.zeros(2, 3), Tensor.zeros(3)))
                .hasMessageContaining("labels must be");
    }

    @Test
    void reshapeAndFlatten() {
        GradCheck.check(t -> Ops.mul(Ops.flatten(t[0]), Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 6)),
                d -> {
                    double[] y = d[0].clone();
                    for (int i = 0; i < y.length; i++) y[i] *= i % 12 + 1;
                    return y;
                }, Tensor.randn(rng, 2, 3, 2));
        assertThat(Ops.reshape(Tensor.zeros(2, 3, 4), 4, -1).shape()).containsExactly(4, 6);
        assertThatThrownBy(() -> Ops.reshape(Tensor.zeros(2, 3), 4, 2)).hasMessageContaining("cannot view");
    }

    @Test
    void elementwise() {
        GradCheck.check(t -> Ops.add(t[0], t[1]), d -> {
            double[] y = new double[d[0].length];
            for (int i = 0; i < y.length; i++) y[i] = d[0][i] + d[1][i];
            return y;
        }, Tensor.randn(rng, 3, 4), Tensor.randn(rng, 3, 4));
        GradCheck.check(t -> Ops.mul(t[0], t[1]), d -> {
            double[] y = new double[d[0].length];
            for (int i = 0; i < y.length; i++) y[i] = d[0][i] * d[1][i];
            return y;
        }, Tensor.randn(rng, 3, 4), Tensor.randn(rng, 3, 4));
        GradCheck.check(t -> Ops.mean(t[0]), d -> {
            double s = 0;
            for (double v : d[0]) s += v;
            return new double[] {s / d[0].length};
        }, Tensor.randn(rng, 5));
    }

    @Test
    void dropoutKeepsExpectationAndMasksTheGradient() {
        Tensor x = Tensor.full(1f, 100_000).requiringGrad();
        Tensor y = Ops.dropout(x, 0.3f, new SplittableRandom(1));
        double mean = 0;
        int zeros = 0;
        for (float v : y.data()) {
            mean += v;
            if (v == 0f) zeros++;
        }
        assertThat(mean / x.size()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(zeros / (double) x.size()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
        Ops.sum(y).backward();
        for (int i = 0; i < x.size(); i++) assertThat(x.grad().data()[i]).isEqualTo(y.data()[i]);
    }
}
