package dev.beak.cli;

import dev.beak.nn.train.ProgressBar;
import dev.beak.nn.train.StepProgress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** What every {@code beak viz} picture command shares: where to write, --json, printing, progress. */
abstract class VizBase implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "PNG file to write (default: runs/viz/<command>.png).")
    Path out;

    @Mixin OutputOptions output;

    /** The figures of the --json line, besides the command and the files written. */
    final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> written = new ArrayList<>();

    /** Draws the picture(s), printing what was written on {@code stdout}. */
    abstract void draw(PrintWriter stdout) throws Exception;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        draw(output.human());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("command", spec.name());
        line.put("files", written);
        line.putAll(figures);
        output.result(line);
        return 0;
    }

    Path out() {
        return out != null ? out : Path.of("runs", "viz", spec.name() + ".png");
    }

    /** {@code out} with {@code -suffix} before its extension. */
    Path out(String suffix) {
        String name = out().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return out().resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-" + suffix + (dot > 0 ? name.substring(dot) : ".png"));
    }

    void wrote(PrintWriter stdout, Path file, String what) {
        written.add(file.toString());
        stdout.println("Wrote " + file + ": " + what);
    }

    /** A progress bar called {@code label} on stderr, drawn on a terminal only. */
    StepProgress progress(String label) {
        return new StepProgress(label, output.err(), ProgressBar.isTerminal());
    }

    /** Comma-separated integers of {@code option}, or null when not given. */
    static int[] ints(String csv, String option) {
        if (csv == null || csv.isBlank()) return null;
        try {
            return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes comma-separated integers, got \"" + csv + "\"");
        }
    }
}
