package dev.beak.data.preprocess;

import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PreprocessingTest {
    /** n samples (C, H, W) with strongly correlated values, channel offsets and scales. */
    static TensorDataset correlated(int n, int c, int h, int w, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = c * h * w;
        double[][] mix = new double[d][d];
        for (double[] row : mix) for (int j = 0; j < d; j++) row[j] = 0.6 * (rng.nextDouble() - 0.5);
        for (int j = 0; j < d; j++) mix[j][j] += 1;
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) z[j] = gaussian(rng) * (1 + j % 5);
            for (int j = 0; j < d; j++) {
                double v = 100 + 20 * (j / (h * w));
                for (int k = 0; k < d; k++) v += mix[j][k] * z[k] * 10;
                x[i * d + j] = (float) v;
            }
        }
        return new TensorDataset(Tensor.of(x, n, c, h, w), Tensor.zeros(n));
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Covariance (d x d) of the rows of x (n x d), in double. */
    static double[][] covariance(float[] x, int n, int d) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += x[i * d + j] / (double) n;
        double[][] cov = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double va = x[i * d + a] - mean[a];
                for (int b = 0; b < d; b++) cov[a][b] += va * (x[i * d + b] - mean[b]) / n;
            }
        }
        return cov;
    }

    @Test
    void zcaAndPcaWhitenedTrainingDataHasIdentityCovariance() {
        TensorDataset train = correlated(3000, 3, 3, 3, 1);
        for (PreprocessKind kind : List.of(PreprocessKind.ZCA, PreprocessKind.PCA)) {
            Preprocessing p = Preprocessing.fit(train, List.of(PreprocessKind.RESCALE, kind), 1e-9);
            TensorDataset white = p.applyTo(train);
            double[][] cov = covariance(white.x().data(), 3000, 27);
            for (int a = 0; a < 27; a++) {
                for (int b = 0; b < 27; b++) assertThat(cov[a][b]).as(kind + " cov[%d][%d]", a, b).isCloseTo(a == b ? 1 : 0, within(2e-3));
            }
        }
    }

    @Test
    void zcaStaysCloseToTheInputWhilePcaRotates() {
        TensorDataset train = correlated(2000, 1, 2, 4, 2);
        Whitening zca = Whitening.fit(Whitening.Kind.ZCA, train, 1e-6);
        float[] m = zca.matrix().data();
        for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) assertThat(m[i * 8 + j]).isCloseTo(m[j * 8 + i], within(1e-4f)); // ZCA's W is symmetric
    }

    @Test
    void channelStatisticsAndMinMax() {
        TensorDataset train = correlated(500, 3, 4, 4, 3);
        Preprocessing std = Preprocessing.fit(train, List.of(PreprocessKind.STANDARDIZE), 0);
        float[] x = std.applyTo(train).x().data();
        for (int c = 0; c < 3; c++) {
            double s = 0, sq = 0;
            int count = 0;
            for (int i = 0; i < 500; i++) for (int p = 0; p < 16; p++) {
                double v = x[i * 48 + c * 16 + p];
                s += v;
                sq += v * v;
                count++;
            }
            assertThat(s / count).isCloseTo(0, within(1e-3));
            assertThat(sq / count).isCloseTo(1, within(1e-3));
        }
        float[] mm = Preprocessing.fit(train, List.of(PreprocessKind.MIN_MAX), 0).applyTo(train).x().data();
        float lo = 1, hi = 0;
        for (float v : mm) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertThat(lo).isCloseTo(0f, within(1e-6f));
        assertThat(hi).isCloseTo(1f, within(1e-6f));
        float[] pm = Preprocessing.fit(train, List.of(PreprocessKind.PIXEL_MEAN), 0).applyTo(train).x().data();
        double first = 0;
        for (int i = 0; i < 500; i++) first += pm[i * 48 + 5];
        assertThat(first / 500).isCloseTo(0, within(1e-3));
        ChannelMean cm = (ChannelMean) Preprocessing.fit(train, List.of(PreprocessKind.CHANNEL_MEAN), 0).steps().getFirst();
        assertThat(cm.mean()[2] - cm.mean()[0]).isCloseTo(40f, within(5f));
    }

    @Test
    void fittedOnTrainingOnlyAndRebuiltFromConfig() {
        TensorDataset train = correlated(400, 1, 2, 2, 4), test = correlated(50, 1, 2, 2, 5);
        Preprocessing p = Preprocessing.fit(train, List.of(PreprocessKind.RESCALE, PreprocessKind.PIXEL_MEAN,
                PreprocessKind.STANDARDIZE, PreprocessKind.MIN_MAX, PreprocessKind.ZCA), 1e-3);
        Map<String, Object> config = p.config();
        assertThat(p.tensors()).containsKeys("1.mean", "4.mean", "4.matrix");
        Preprocessing back = Preprocessing.fromConfig(config, p.tensors());
        assertThat(back.apply(test.x()).data()).containsExactly(p.apply(test.x()).data());
        // Applying never refits: the test data's figures do not change the result for the training data.
        assertThat(p.apply(train.x()).data()).containsExactly(back.apply(train.x()).data());
        assertThat(config.toString()).contains("zca_whitening", "rescale", "standardize");
    }
}
