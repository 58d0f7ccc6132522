package dev.beak.nn;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.TransferExperiment.Regime;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transfer experiment on tiny synthetic data (its figures, not its conclusion, which needs the real
 * data sets: {@code beak experiment transfer}): three regimes per seed, each trained the right number of
 * epochs on the right parameters, and a table and curves that agree with the histories.
 */
class TransferExperimentTest {
    /** Ten classes of 1x28x28 images: class k is a bright bar in row band k, plus noise. */
    private static TensorDataset bars(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 28 * 28], y = new float[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(10);
            y[i] = k;
            for (int p = 0; p < 28 * 28; p++) x[i * 784 + p] = (float) (0.1 * rng.nextDouble()) + (p / 28 / 3 == k ? 1 : 0);
        }
        return new TensorDataset(Tensor.of(x, n, 1, 28, 28), Tensor.of(y, n));
    }

    @Test
    void threeRegimesPerSeedWithTheirEpochsParametersAndTable() {
        var data = new TransferExperiment.Data("bars", "bars (64)", bars(64, 1), "bars", bars(24, 2), bars(16, 3));
        var options = new TransferExperiment.Options(1, 2, 1, 1e-3, 5, 2);
        List<String> log = new ArrayList<>();
        TransferExperiment.Result r = TransferExperiment.run(data, options, log::add);

        assertThat(r.outcomes()).extracting(TransferExperiment.Outcome::seed).containsExactly(5L, 105L);
        assertThat(log).hasSize(4).anySatisfy(l -> assertThat(l).startsWith("[bars, seed 105] done in"));
        TransferExperiment.Outcome first = r.outcomes().getFirst();
        assertThat(first.histories().get(Regime.FROM_SCRATCH).epochs()).hasSize(3);
        assertThat(first.histories().get(Regime.FROZEN_BASE).epochs()).hasSize(2);
        assertThat(first.histories().get(Regime.FINE_TUNED).epochs()).hasSize(1);
        long head = first.trainedParameters().get(Regime.FROZEN_BASE), fine = first.trainedParameters().get(Regime.FINE_TUNED);
        long all = first.trainedParameters().get(Regime.FROM_SCRATCH);
        assertThat(head).isEqualTo(32L * 7 * 7 * 64 + 64 + 64 * 10 + 10);        // the head only
        assertThat(fine).isEqualTo(head + 3L * 3 * 16 * 32 + 32);                // and conv2d_1
        assertThat(all).isEqualTo(fine + 3L * 3 * 1 * 16 + 16);                  // and conv2d

        double[] last = r.lastAccuracies(Regime.FROZEN_BASE);
        assertThat(last).hasSize(2);
        assertThat(r.mean(Regime.FROZEN_BASE)).isEqualTo((last[0] + last[1]) / 2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.sd(Regime.FROZEN_BASE)).isEqualTo(Math.abs(last[0] - last[1]) / Math.sqrt(2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.curves().get(Regime.FINE_TUNED.label())[0]).containsExactly(3.0); // after the head's two epochs
        assertThat(r.table("plot.png")).contains("| (b) frozen base + new head | " + String.format(java.util.Locale.ROOT, "%,d", head) + " | 2 |")
                .contains("mean ± sd over 2 seeds").contains("Plot: `plot.png`");
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> new TransferExperiment.Options(1, 0, 1, 1e-3, 1, 1)).hasMessageContaining("must be >= 1");
    }
}
