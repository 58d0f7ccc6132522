package dev.beak.nn.train;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A per-epoch progress bar on stderr (loss, accuracy, images/s, ETA), redrawn in place on a terminal
 * at most ten times a second; elsewhere (logs, CI) only the finished epoch's line is printed, on stdout.
 * {@code fit} adds one by itself as {@link FitOptions#verbose} says; the command line passes its own streams.
 * {@snippet : model.fit(train, FitOptions.epochs(5).verbose(0).callbacks(new ProgressBar(out, err, false))) }
 */
public final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final RedrawnLine line;
    private int epoch, epochs;
    /** Seconds at the end of the epoch's first batch: the JIT warms up and buffers are allocated there, so the ETA leaves it out. */
    private double firstBatchSeconds;

    /** Epoch lines go to {@code out}; the bar, redrawn only when {@code terminal}, to {@code err}. */
    public ProgressBar(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.line = new RedrawnLine(err, terminal);
    }

    static ProgressBar onSystemStreams(boolean terminal) {
        return new ProgressBar(new PrintWriter(System.out, true), new PrintWriter(System.err, true), terminal);
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.firstBatchSeconds = Double.NaN;
    }

    @Override
    public void onBatchEnd(int batch, int batches, double loss, double accuracy, long images, double seconds) {
        if (batch == 1) firstBatchSeconds = seconds;
        if (!line.visible()) return;
        // The first and the last batch are always drawn, the others at most ten times a second.
        line.draw(String.format(Locale.ROOT, "Epoch %d/%d [%s] %d/%d  loss %.4f  acc %.4f  %.0f img/s  ETA %s ",
                epoch, epochs, bar(batch, batches), batch, batches, loss, accuracy, images / seconds, eta(batch, batches, seconds)),
                batch == 1 || batch == batches);
    }

    @Override
    public void onEpochEnd(EpochLogs logs) {
        line.erase();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Epoch %d/%d  %s  loss %.4f  acc %.4f",
                logs.epoch(), epochs, clock(logs.get("seconds")), logs.get("loss"), logs.get("accuracy")));
        if (logs.values().containsKey("val_loss")) {
            sb.append(String.format(Locale.ROOT, "  val_loss %.4f  val_acc %.4f", logs.get("val_loss"), logs.get("val_accuracy")));
        }
        sb.append(String.format(Locale.ROOT, "  %.0f img/s", logs.get("images_per_s")));
        out.println(sb);
        out.flush();
    }

    /** The time left from the pace after the first batch; "-:--" until a second batch has set a pace. */
    String eta(int batch, int batches, double seconds) {
        return eta(firstBatchSeconds, batch, batches, seconds);
    }

    /**
     * The time left after batch {@code batch} of {@code batches}, {@code seconds} into the pass, from the pace
     * since the first batch ended at {@code firstBatchSeconds} (the JIT's warm-up and first allocations are
     * left out); "-:--" until a second batch has set a pace.
     */
    static String eta(double firstBatchSeconds, int batch, int batches, double seconds) {
        if (batch < 2 || Double.isNaN(firstBatchSeconds)) return "-:--";
        return clock((seconds - firstBatchSeconds) / (batch - 1) * (batches - batch));
    }

    /** The bar itself, {@code =====>.....}, {@value #WIDTH} characters wide, for batch {@code batch} of {@code batches}. */
    static String bar(int batch, int batches) {
        int done = (int) ((long) WIDTH * batch / Math.max(1, batches));
        return "=".repeat(done) + (done < WIDTH ? ">" + ".".repeat(WIDTH - done - 1) : "");
    }

    /** {@code m:ss} for a number of seconds. */
    public static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** True when stdout is an interactive terminal (JDK 22+ knows for sure; JDK 21 guesses from the console). */
    public static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
