package dev.beak.nn.train;

import java.io.PrintWriter;

/**
 * One status line on a terminal, redrawn in place ({@code \r}) at most ten times a second and erased when
 * the work ends, so that the next line printed starts clean: what {@link ProgressBar} (training),
 * {@link EvaluationProgress} and {@link StepProgress} draw their bars with. Off a terminal (logs, pipes, CI) it prints nothing.
 */
final class RedrawnLine {
    private final PrintWriter err;
    private final boolean terminal;
    private long lastDraw;
    private int width;

    RedrawnLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Whether anything is drawn (callers skip building the line otherwise). */
    boolean visible() {
        return terminal;
    }

    /** Draws {@code line}, unless one was drawn less than 0.1 s ago and this is not the {@code first} of a run. */
    void draw(String line, boolean first) {
        if (!terminal) return;
        long now = System.nanoTime();
        if (!first && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        width = Math.max(width, line.length());
        err.print("\r" + line);
        err.flush();
    }

    /** Blanks what was drawn and returns to the line's start. */
    void erase() {
        if (!terminal) return;
        if (width > 0) err.print("\r" + " ".repeat(width) + "\r");
        width = 0;
        err.flush();
    }
}
