package dev.beak.command;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The output group that every command computing something mixes in ({@code @Mixin OutputOptions output}):
 * {@code --json} and where text goes. With {@code --json}, stdout carries exactly one JSON object (numbers
 * as numbers, lists as arrays) and every human line goes to stderr, so {@code beak ... --json | jq .} works.
 * Commands print their text through {@link #human()} and end with {@link #result}. beak-cli mixes it in
 * under its own package's name ({@code dev.beak.cli.OutputOptions}, a subclass with nothing added).
 *
 * {@snippet :
 * @Mixin OutputOptions output;
 * ...
 * output.human().printf("wrote %s%n", file);
 * output.result(Map.of("file", file.toString(), "bytes", Files.size(file)));
 * }
 */
public class OutputOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    /** Whether {@code --json} was given. */
    @Option(names = "--json", description = "Print only one JSON object on stdout (numbers as numbers); the text goes to stderr.")
    public boolean json;

    /** Where human text goes: stdout, or stderr under --json. */
    public PrintWriter human() {
        return json ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }

    /** Stderr: warnings and progress, never mixed into stdout. */
    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A line on stderr saying what is running now (work that takes more than a moment), flushed at once. */
    public void status(String format, Object... args) {
        err().printf(java.util.Locale.ROOT, format + "%n", args);
        err().flush();
    }

    /** Prints the command's figures as the JSON object on stdout under --json, and flushes both streams. */
    public void result(Map<String, ?> figures) {
        human().flush();
        if (json) spec.commandLine().getOut().println(Json.line(figures));
        spec.commandLine().getOut().flush();
    }
}
