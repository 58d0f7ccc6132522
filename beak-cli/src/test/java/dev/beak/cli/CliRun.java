package dev.beak.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the {@code beak} command for tests: its exit code and everything it printed. */
record CliRun(int code, String out) {
    static CliRun beak(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        return new CliRun(code, out.toString());
    }
}
