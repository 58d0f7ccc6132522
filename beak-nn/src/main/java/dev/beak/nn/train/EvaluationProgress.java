package dev.beak.nn.train;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar for a pass that does not train (evaluation, prediction): {@code Evaluating [=====>....]
 * 12/40  850 img/s  ETA 0:03}, redrawn in place on {@code err} at most ten times a second and erased after
 * the last batch, so that the figures printed next start on a clean line. Elsewhere than on a terminal
 * (logs, pipes, CI) it prints nothing. The ETA leaves the first batch out, as {@link ProgressBar}'s does.
 * {@snippet : model.evaluate(test, 256, new EvaluationProgress("Evaluating", new PrintWriter(System.err, true), ProgressBar.isTerminal())) }
 */
public final class EvaluationProgress implements EvaluationListener {
    private final String label;
    private final RedrawnLine line;
    private double firstBatchSeconds = Double.NaN;

    /** {@code label} starts the line ("Evaluating"); nothing is drawn unless {@code terminal}. */
    public EvaluationProgress(String label, PrintWriter err, boolean terminal) {
        this.label = label;
        this.line = new RedrawnLine(err, terminal);
    }

    @Override
    public void onBatchEnd(int batch, int batches, long samples, double seconds) {
        if (batch == 1) firstBatchSeconds = seconds;
        if (!line.visible()) return;
        if (batch >= batches) {
            line.erase();
            return;
        }
        line.draw(String.format(Locale.ROOT, "%s [%s] %d/%d  %.0f img/s  ETA %s ", label, ProgressBar.bar(batch, batches), batch, batches,
                samples / seconds, ProgressBar.eta(firstBatchSeconds, batch, batches, seconds)), batch == 1);
    }
}
