package dev.beak.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * {@code beak spark train|predict}: Beak on Apache Spark. Started by {@code ./beak spark ...} (Spark's
 * jars from the local Maven repository, local mode) or by {@code spark-submit --class
 * dev.beak.spark.cli.SparkMain} on a cluster. Errors print one line, also those raised inside a task.
 */
@Command(name = "beak spark", mixinStandardHelpOptions = true,
        description = "Data-parallel training and batch inference on Apache Spark (local[N] on one machine, or a cluster via spark-submit).",
        subcommands = {SparkTrainCommand.class, SparkPredictCommand.class, CommandLine.HelpCommand.class})
public final class SparkMain {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("beak spark " + cmd.getCommandName() + ": " + describe(e));
            if (System.getenv("BEAK_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * The message of the error that caused {@code e}: Spark wraps a task's exception in a job failure
     * whose message holds the whole remote stack trace, so the innermost cause with a message speaks.
     */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root
                && (isWrapper(root) || root.getCause() instanceof IOException || root.getCause() instanceof IllegalArgumentException)) {
            root = root.getCause();
        }
        if (root instanceof NoSuchFileException) return "no such file: " + root.getMessage();
        if (root instanceof OutOfMemoryError) return "out of memory (" + root.getMessage() + "); give the JVM more heap (--driver-memory, JAVA_OPTS=-Xmx...)";
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static boolean isWrapper(Throwable t) {
        String name = t.getClass().getName();
        return name.startsWith("org.apache.spark.") || t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException;
    }
}
