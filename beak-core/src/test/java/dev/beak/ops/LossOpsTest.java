package dev.beak.ops;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every loss op against a double-precision reference written from its definition, forward and gradient. */
class LossOpsTest {
    private final SplittableRandom rng = new SplittableRandom(11);

    /** Uniform values in [lo, hi). */
    private Tensor uniform(double lo, double hi, int... shape) {
        return Tensor.uniform(rng, (float) lo, (float) hi, shape);
    }

    /** A confident prediction's softmax tail (e^-100) would be a subnormal gradient: it is dropped, while NaN still propagates. */
    @Test
    void softmaxCrossEntropyDropsSubnormalGradients() {
        Tensor logits = Tensor.of(new float[] {100f, 0f, 1f, Float.NaN, 0f, 0f}, 2, 3).requiresGrad(true);
        Ops.softmaxCrossEntropy(logits, Tensor.of(new float[] {0f, 2f}, 2)).backward();
        float[] g = logits.grad().data();
        for (int i = 0; i < 3; i++) {
            assertThat(Math.abs(g[i]) == 0f || Math.abs(g[i]) >= Float.MIN_NORMAL).as("gradient %d = %s", i, g[i]).isTrue();
        }
        assertThat(g[1]).isZero();
        assertThat(g[3]).isNaN();
    }

    @Test
    void meanSquaredError() {
        Tensor t = Tensor.randn(rng, 3, 4);
        double[] td = GradCheck.toDouble(t.data());
        GradCheck.check(x -> Ops.meanSquaredError(x[0], t), d -> {
            double s = 0;
            for (int i = 0; i < td.length; i++) s += (d[0][i] - td[i]) * (d[0][i] - td[i]);
            return new double[] {s / td.length};
        }, Tensor.randn(rng, 3, 4));
    }

    @Test
    void meanAbsoluteErrorAwayFromTheKink() {
        Tensor t = Tensor.randn(rng, 2, 5);
        Tensor y = t.copy();
        for (int i = 0; i < y.size(); i++) y.data()[i] += (i % 2 == 0 ? 1 : -1) * (0.1f + (float) rng.nextDouble());
        double[] td = GradCheck.toDouble(t.data());
        GradCheck.check(x -> Ops.meanAbsoluteError(x[0], t), d -> {
            double s = 0;
            for (int i = 0; i < td.length; i++) s += Math.abs(d[0][i] - td[i]);
            return new double[] {s / td.length};
        }, y);
    }

    @Test
    void regressionTargetsOfShapeNForAnNBy1Output() {
        Tensor y = Tensor.of(new float[] {1, 2, 3}, 3, 1), t = Tensor.of(new float[] {1, 0, 5}, 3);
        assertThat(Ops.meanSquaredError(y, t).item()).isCloseTo(8f / 3, within(1e-6f));
        assertThatThrownBy(() -> Ops.meanSquaredError(y, Tensor.zeros(4))).hasMessageContaining("targets (4,) do not match output (3, 1)");
    }

    @Test
    void binaryCrossEntropyFromLogits() {
        Tensor t = uniform(0, 1, 4, 3);
        double[] td = GradCheck.toDouble(t.data());
        GradCheck.check(x -> Ops.binaryCrossEntropyFromLogits(x[0], t), d -> {
            double s = 0;
            for (int i = 0; i < td.length; i++) {
                double p = 1 / (1 + Math.exp(-d[0][i]));
                s -= td[i] * Math.log(p) + (1 - td[i]) * Math.log(1 - p);
            }
            return new double[] {s / td.length};
        }, Tensor.randn(rng, 4, 3));
    }

    @Test
    void binaryCrossEntropyFromLogitsIsStableForHugeLogits() {
        Tensor z = Tensor.of(new float[] {500f, -500f, 500f}, 3);
        Tensor t = Tensor.of(new float[] {1f, 0f, 0f}, 3);
        assertThat(Ops.binaryCrossEntropyFromLogits(z, t).item()).isCloseTo(500f / 3, within(1e-3f));
    }

    @Test
    void binaryCrossEntropyFromProbabilities() {
        Tensor t = uniform(0, 1, 3, 2);
        double[] td = GradCheck.toDouble(t.data());
        GradCheck.check(x -> Ops.binaryCrossEntropy(x[0], t), d -> {
            double s = 0;
            for (int i = 0; i < td.length; i++) s -= td[i] * Math.log(d[0][i]) + (1 - td[i]) * Math.log(1 - d[0][i]);
            return new double[] {s / td.length};
        }, uniform(0.05, 0.95, 3, 2));
    }

    @Test
    void binaryCrossEntropyClipsProbabilities() {
        Tensor p = Tensor.of(new float[] {0f, 1f}, 2).requiringGrad();
        Tensor l = Ops.binaryCrossEntropy(p, Tensor.of(new float[] {1f, 0f}, 2));
        assertThat(l.item()).isCloseTo((float) -Math.log(1e-7), within(0.01f));
        l.backward();
        assertThat(p.grad().data()).containsExactly(0f, 0f);
    }

    @Test
    void categoricalCrossEntropyFromProbabilitiesWithIndicesAndSoftTargets() {
        Tensor labels = Tensor.of(new float[] {2, 0, 1}, 3);
        Tensor soft = Tensor.of(new float[] {0.2f, 0.5f, 0.3f, 1, 0, 0, 0, 0.6f, 0.4f}, 3, 3);
        for (Tensor l : new Tensor[] {labels, soft}) {
            double[] t = new double[9];
            if (l.rank() == 1) for (int i = 0; i < 3; i++) t[i * 3 + (int) l.data()[i]] = 1;
            else t = GradCheck.toDouble(l.data());
            double[] td = t;
            GradCheck.check(x -> Ops.categoricalCrossEntropy(x[0], l), d -> {
                double s = 0;
                for (int i = 0; i < td.length; i++) s -= td[i] * Math.log(d[0][i]);
                return new double[] {s / 3};
            }, uniform(0.05, 0.95, 3, 3));
        }
    }

    @Test
    void categoricalHingeCrammerSinger() {
        Tensor labels = Tensor.of(new float[] {1, 0, 3, 2, 1}, 5);
        Tensor z = distinctScores(5, 4);
        GradCheck.check(x -> Ops.categoricalHinge(x[0], labels), d -> {
            double s = 0;
            for (int i = 0; i < 5; i++) {
                int y = (int) labels.data()[i];
                double rival = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < 4; j++) if (j != y) rival = Math.max(rival, d[0][i * 4 + j]);
                s += Math.max(0, 1 + rival - d[0][i * 4 + y]);
            }
            return new double[] {s / 5};
        }, z);
    }

    @Test
    void categoricalHingeIsZeroBeyondTheMargin() {
        Tensor z = Tensor.of(new float[] {3f, 1.5f, 0f, 0f, 0f, 2f}, 2, 3);
        assertThat(Ops.categoricalHinge(z, Tensor.of(new float[] {0, 2}, 2)).item()).isEqualTo(0f);
        // Row 0: 1 + 1.5 - 3 < 0; row 1 with label 0: 1 + 2 - 0 = 3.
        assertThat(Ops.categoricalHinge(z, Tensor.of(new float[] {0, 0}, 2)).item()).isEqualTo(1.5f);
    }

    @Test
    void badLabelsNameTheLoss() {
        assertThatThrownBy(() -> Ops.categoricalHinge(Tensor.zeros(2, 3), Tensor.of(new float[] {0, 3}, 2)))
                .hasMessageContaining("categorical hinge").hasMessageContaining("label 1").hasMessageContaining("0..2");
        assertThatThrownBy(() -> Ops.categoricalCrossEntropy(Tensor.zeros(2, 3), Tensor.zeros(3)))
                .hasMessageContaining("labels must be (2) class indices or (2, 3) one-hot rows");
    }

    /** Scores whose pairwise gaps are never within 0.05 of the hinge's kinks (0 and 1 apart). */
    private Tensor distinctScores(int n, int k) {
        float[] d = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) d[i * k + j] = (float) (0.37 * ((j * 7 + i * 3) % k) + 0.01 * i);
        }
        return Tensor.of(d, n, k);
    }
}
