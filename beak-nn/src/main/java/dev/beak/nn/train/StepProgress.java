package dev.beak.nn.train;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@link ProgressBar}'s bar for a loop of steps that is not a training epoch: "{@code Deep Dream
 * [=====>....] 12/90  ETA 0:03}", redrawn in place on stderr at most ten times a second and wiped when
 * the last step ends, so that only a terminal sees it (elsewhere it prints nothing). The ETA, as in
 * {@link ProgressBar}, follows the pace after the first step, which carries the JIT's warm-up.
 */
public final class StepProgress implements Progress, EvaluationListener {
    private final String label;
    private final RedrawnLine line;
    private long firstStepEnd;
    private boolean running;

    /** A bar called {@code label} drawn on {@code err} when {@code terminal}. */
    public StepProgress(String label, PrintWriter err, boolean terminal) {
        this.label = label;
        this.line = new RedrawnLine(err, terminal);
    }

    /** A bar on {@code System.err}, drawn when stdout is a terminal ({@link ProgressBar#isTerminal()}). */
    public static StepProgress onStderr(String label) {
        return new StepProgress(label, new PrintWriter(System.err, true), ProgressBar.isTerminal());
    }

    @Override
    public void step(int done, int total) {
        long now = System.nanoTime();
        boolean first = done <= 1 || !running;
        if (first) {
            running = true;
            firstStepEnd = now;
        }
        if (!line.visible()) return;
        if (done >= total) {
            line.erase();
            running = false;
            return;
        }
        line.draw(String.format(Locale.ROOT, "%s [%s] %d/%d  ETA %s ", label, ProgressBar.bar(done, total), done, total,
                eta(done, total, (now - firstStepEnd) / 1e9)), first);
    }

    /** A pass over batches (a confusion matrix, say) drawn as steps: one step per batch. */
    @Override
    public void onBatchEnd(int batch, int batches, long samples, double seconds) {
        step(batch, batches);
    }

    /** The time left at the pace of the steps after the first; "-:--" until a second step has set a pace. */
    static String eta(int done, int total, double secondsSinceFirstStep) {
        return ProgressBar.eta(0, done, total, secondsSinceFirstStep);
    }
}
