package dev.beak.cli;

import dev.beak.nn.train.EvaluationListener;
import dev.beak.nn.train.EvaluationProgress;
import dev.beak.nn.train.ProgressBar;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The output group that every command computing something mixes in ({@code @Mixin OutputOptions output}):
 * {@code --json} and where text goes. With {@code --json}, stdout carries exactly one JSON object (numbers
 * as numbers, lists as arrays) and every human line goes to stderr, so {@code beak ... --json | jq .} works.
 * Commands print their text through {@link #human()} and end with {@link #result}.
 */
final class OutputOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--json", description = "Print only one JSON object on stdout (numbers as numbers); the text goes to stderr.")
    boolean json;

    /** Where human text goes: stdout, or stderr under --json. */
    PrintWriter human() {
        return json ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }

    /** Stderr: warnings and progress, never mixed into stdout. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A line on stderr saying what is running now (work that takes more than a moment), flushed at once. */
    void status(String format, Object... args) {
        err().printf(java.util.Locale.ROOT, format + "%n", args);
        err().flush();
    }

    /**
     * A progress bar for a pass over data ({@code label} starts its line), on stderr and only on a terminal,
     * as {@code beak train}'s bar; it never writes to stdout, so --json output stays one object.
     */
    EvaluationListener progress(String label) {
        return new EvaluationProgress(label, err(), ProgressBar.isTerminal());
    }

    /** Prints the command's figures as the JSON object on stdout under --json, and flushes both streams. */
    void result(Map<String, ?> figures) {
        human().flush();
        if (json) spec.commandLine().getOut().println(Json.line(figures));
        spec.commandLine().getOut().flush();
    }
}
