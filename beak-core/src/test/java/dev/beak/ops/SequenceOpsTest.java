package dev.beak.ops;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ops of padded token sequences: the embedding lookup and masked global pooling. */
class SequenceOpsTest {
    private final SplittableRandom rng = new SplittableRandom(19);

    @Test
    void embeddingMatchesGatherThenTransposeOnRandomShapes() {
        for (int[] s : new int[][] {{1, 1, 1, 1}, {2, 5, 7, 3}, {3, 1, 4, 9}, {4, 6, 11, 2}}) {
            int n = s[0], len = s[1], v = s[2], d = s[3];
            Tensor table = Tensor.randn(rng, v, d), ids = ids(n, len, v);
            Tensor fast = Ops.embedding(ids, table, -1);
            Tensor reference = Ops.transpose(Ops.gather(table, ids, 0), 0, 2, 1);
            assertThat(fast.shape()).containsExactly(n, d, len);
            assertThat(fast.data()).containsExactly(reference.data());
        }
    }

    @Test
    void embeddingGradientIsAScatterAddThatSkipsThePaddingRow() {
        int n = 2, len = 5, v = 4, d = 3;
        // Row 2 is read three times (gradients add up); row 0 is padding and must get no gradient.
        Tensor ids = Tensor.of(new float[] {2, 1, 0, 2, 3, 0, 2, 1, 0, 0}, n, len);
        GradCheck.check(t -> Ops.embedding(ids, t[0], -1), w -> lookup(ids, w[0], n, len, d), Tensor.randn(rng, v, d));
        Tensor table = Tensor.randn(rng, v, d).requiringGrad();
        Tensor y = Ops.embedding(ids, table, 0);
        float[] r = new float[y.size()];
        for (int i = 0; i < r.length; i++) r[i] = (float) rng.nextDouble(-1, 1);
        y.backward(r);
        float[] g = table.grad().data();
        for (int c = 0; c < d; c++) assertThat(g[c]).as("padding row").isZero();
        // The other rows still get the scatter-add: row 3 is read once, at (sample 0, position 4).
        for (int c = 0; c < d; c++) assertThat(g[3 * d + c]).isEqualTo(r[c * len + 4]);
    }

    @Test
    void embeddingRejectsIdsOutsideTheVocabulary() {
        Tensor table = Tensor.randn(rng, 4, 2);
        assertThatThrownBy(() -> Ops.embedding(Tensor.of(new float[] {1, 4}, 1, 2), table, -1))
                .hasMessageContaining("token id 4.0 (sample 0, position 1) is outside the vocabulary of 4 rows");
        assertThatThrownBy(() -> Ops.embedding(Tensor.of(new float[] {1.5f}, 1, 1), table, -1)).hasMessageContaining("token id 1.5");
        assertThatThrownBy(() -> Ops.embedding(Tensor.of(new float[] {-1}, 1, 1), table, -1)).hasMessageContaining("outside the vocabulary");
    }

    @Test
    void maskedPoolingLeavesPaddedPositionsOut() {
        // One sample, one channel: the padded positions hold the largest values and must not win.
        Tensor x = Tensor.of(new float[] {1, 3, 2, 9, 8}, 1, 1, 5);
        Tensor mask = Tensor.of(new float[] {1, 1, 1, 0, 0}, 1, 5);
        assertThat(Ops.maskedGlobalMaxPool(x, mask).data()).containsExactly(3f);
        assertThat(Ops.maskedGlobalAvgPool(x, mask).data()).containsExactly(2f);
        // All-ones masks give the unmasked results.
        Tensor big = Tensor.randn(rng, 3, 4, 6), ones = Tensor.full(1f, 3, 6);
        assertThat(Ops.maskedGlobalMaxPool(big, ones).data()).containsExactly(Ops.globalMaxPool(big).data());
        assertThat(Ops.maskedGlobalAvgPool(big, ones).data()).usingComparatorWithPrecision(1e-6f).containsExactly(Ops.globalAvgPool(big).data());
        // A sample with nothing left pools to 0.
        assertThat(Ops.maskedGlobalMaxPool(x, Tensor.zeros(1, 5)).data()).containsExactly(0f);
        assertThatThrownBy(() -> Ops.maskedGlobalMaxPool(x, Tensor.zeros(1, 4))).hasMessageContaining("must have the input's shape");
    }

    @Test
    void maskedPoolingGradientsAgainstReferences() {
        int n = 3, c = 2, len = 5;
        float[] m = {1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0};
        Tensor mask = Tensor.of(m, n, len);
        GradCheck.check(t -> Ops.maskedGlobalAvgPool(t[0], mask), x -> {
            double[] y = new double[n * c];
            for (int p = 0; p < n * c; p++) {
                double sum = 0;
                int kept = 0;
                for (int l = 0; l < len; l++) if (m[(p / c) * len + l] != 0) { sum += x[0][p * len + l]; kept++; }
                y[p] = kept == 0 ? 0 : sum / kept;
            }
            return y;
        }, Tensor.randn(rng, n, c, len));
        // Distinct values (a shuffled ramp) keep finite differences away from ties in the maximum.
        float[] v = new float[n * c * len];
        for (int i = 0; i < v.length; i++) v[i] = i * 0.37f % 5.3f;
        GradCheck.check(t -> Ops.maskedGlobalMaxPool(t[0], mask), x -> {
            double[] y = new double[n * c];
            for (int p = 0; p < n * c; p++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int l = 0; l < len; l++) if (m[(p / c) * len + l] != 0) best = Math.max(best, x[0][p * len + l]);
                y[p] = best == Double.NEGATIVE_INFINITY ? 0 : best;
            }
            return y;
        }, Tensor.of(v, n, c, len));
    }

    private Tensor ids(int n, int len, int v) {
        float[] ids = new float[n * len];
        for (int i = 0; i < ids.length; i++) ids[i] = rng.nextInt(v);
        return Tensor.of(ids, n, len);
    }

    /** The double reference of the lookup: y[s, c, l] = w[ids[s, l], c]. */
    private static double[] lookup(Tensor ids, double[] w, int n, int len, int d) {
        double[] y = new double[n * d * len];
        for (int s = 0; s < n; s++) for (int l = 0; l < len; l++) for (int c = 0; c < d; c++) {
            y[(s * d + c) * len + l] = w[(int) ids.data()[s * len + l] * d + c];
        }
        return y;
    }
}
