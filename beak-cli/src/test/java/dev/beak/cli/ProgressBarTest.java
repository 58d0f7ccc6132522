package dev.beak.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The ETA follows the pace after the first batch, which carries the JIT's and the allocator's warm-up. */
class ProgressBarTest {
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
