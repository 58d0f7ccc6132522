package dev.beak.nn.train;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Sgd;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressBarTest {
    private static TensorDataset data() {
        SplittableRandom rng = new SplittableRandom(1);
        Tensor x = Tensor.randn(rng, 32, 4);
        float[] y = new float[32];
        for (int i = 0; i < 32; i++) y[i] = x.data()[i * 4] > 0 ? 1 : 0;
        return new TensorDataset(x, Tensor.of(y, 32));
    }

    private static Model model() {
        return Sequential.of(Layers.dense(2)).seed(2).withInputShape(4).compile(new Sgd(0.1), new CrossEntropy());
    }

    @Test
    void onATerminalTheBarIsRedrawnOnStderrAndEachEpochEndsWithALine() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        model().fit(data(), FitOptions.epochs(2).batchSize(8).validation(data()).verbose(0)
                .callbacks(new ProgressBar(new PrintWriter(out), new PrintWriter(err), true)));
        assertThat(err.toString()).contains("\rEpoch 1/2 [==============================] 4/4  loss ").contains("img/s  ETA 0:00");
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("Epoch 1/2  0:00  loss ").contains("  acc ").contains("  val_loss ").endsWith(" img/s");
        assertThat(lines[1]).startsWith("Epoch 2/2");
    }

    @Test
    void elsewhereOnlyTheEpochLinesArePrinted() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        model().fit(data(), FitOptions.epochs(3).batchSize(8).verbose(0).callbacks(new ProgressBar(new PrintWriter(out), new PrintWriter(err), false)));
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().split("\n")).hasSize(3);
    }

    @Test
    void verbosityFollowsKerasNumbersAndIsQuietByDefaultOffATerminal() {
        assertThat(FitOptions.epochs(1).verbosity()).isEqualTo(Verbosity.AUTO);
        assertThat(FitOptions.epochs(1).verbose(0).verbosity()).isEqualTo(Verbosity.SILENT);
        assertThat(FitOptions.epochs(1).verbose(1).verbosity()).isEqualTo(Verbosity.BAR);
        assertThat(FitOptions.epochs(1).verbose(2).batchSize(4).verbosity()).isEqualTo(Verbosity.EPOCH_LINES);
        assertThatThrownBy(() -> FitOptions.epochs(1).verbose(3)).hasMessageContaining("verbose must be 0 (silent), 1 (bar) or 2");
        // Tests do not run on a terminal: the default adds no printer, so fit stays silent here.
        assertThat(ProgressBar.isTerminal()).isFalse();
        assertThat(Verbosity.AUTO.listener()).isSameAs(TrainingListener.NONE);
        assertThat(Verbosity.SILENT.listener()).isSameAs(TrainingListener.NONE);
        assertThat(Verbosity.EPOCH_LINES.listener()).isInstanceOf(ProgressBar.class);
    }

    @Test
    void clockPrintsMinutesAndSeconds() {
        assertThat(ProgressBar.clock(0)).isEqualTo("0:00");
        assertThat(ProgressBar.clock(61.4)).isEqualTo("1:01");
        assertThat(ProgressBar.clock(3600)).isEqualTo("60:00");
    }

    /** The ETA follows the pace after the first batch, which carries the JIT's and the allocator's warm-up. */
    @Test
    void etaLeavesTheFirstBatchOut() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), new PrintWriter(err), true);
        bar.onEpochStart(1, 1, 10);
        assertThat(bar.eta(1, 10, 10.0)).isEqualTo("-:--");
        bar.onBatchEnd(1, 10, 2.3, 0.1, 32, 10.0);  // a slow first batch: 10 s
        bar.onBatchEnd(3, 10, 2.0, 0.2, 96, 12.0);  // then 1 s per batch
        assertThat(bar.eta(3, 10, 12.0)).as("7 batches left at 1 s each, not 12 s / 3 * 7").isEqualTo("0:07");
        assertThat(err.toString()).contains("ETA -:--"); // the first batch's line, drawn before any pace was known
    }
}
