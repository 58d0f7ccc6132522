package dev.beak.nn.train;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class StepProgressTest {
    @Test
    void onATerminalTheBarIsRedrawnWithItsLabelAndWipedAtTheEnd() {
        StringWriter err = new StringWriter();
        StepProgress p = new StepProgress("Deep Dream", new PrintWriter(err), true);
        p.step(1, 4);
        assertThat(err.toString()).isEqualTo("\rDeep Dream [=======>......................] 1/4  ETA -:-- ");
        for (int i = 2; i <= 4; i++) p.step(i, 4);
        String drawn = err.toString();
        assertThat(drawn).endsWith("\r" + " ".repeat("Deep Dream [=======>......................] 1/4  ETA -:-- ".length()) + "\r");
        assertThat(drawn).doesNotContain("\n");
    }

    @Test
    void elsewhereItPrintsNothing() {
        StringWriter err = new StringWriter();
        StepProgress p = new StepProgress("Style transfer", new PrintWriter(err), false);
        for (int i = 1; i <= 10; i++) p.step(i, 10);
        assertThat(err.toString()).isEmpty();
    }

    /** As in ProgressBar, the first step (the JIT's warm-up) does not set the pace. */
    @Test
    void etaFollowsThePaceAfterTheFirstStep() {
        assertThat(StepProgress.eta(1, 10, 0)).isEqualTo("-:--");
        assertThat(StepProgress.eta(3, 10, 2.0)).as("2 s for steps 2 and 3: 1 s each, 7 to go").isEqualTo("0:07");
        assertThat(StepProgress.eta(10, 10, 9.0)).isEqualTo("0:00");
    }
}
