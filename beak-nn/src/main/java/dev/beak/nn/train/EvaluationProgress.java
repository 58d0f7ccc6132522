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
    private final PrintWriter err;
    private final boolean terminal;
    private long lastDraw;
    private double firstBatchSeconds = Double.NaN;
    private int drawnWidth;

    /** {@code label} starts the line ("Evaluating"); nothing is drawn unless {@code terminal}. */
    public EvaluationProgress(String label, PrintWriter err, boolean terminal) {
        this.label = label;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onBatchEnd(int batch, int batches, long samples, double seconds) {
        if (batch == 1) {
            firstBatchSeconds = seconds;
            lastDraw = 0;
        }
        if (!terminal) return;
        if (batch >= batches) {
            if (drawnWidth > 0) err.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
            err.flush();
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        String line = String.format(Locale.ROOT, "%s [%s] %d/%d  %.0f img/s  ETA %s ", label, ProgressBar.bar(batch, batches), batch, batches,
                samples / seconds, ProgressBar.eta(firstBatchSeconds, batch, batches, seconds));
        drawnWidth = Math.max(drawnWidth, line.length());
        err.print("\r" + line);
        err.flush();
    }
}
