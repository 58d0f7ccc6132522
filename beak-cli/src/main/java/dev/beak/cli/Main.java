package dev.beak.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code beak} command: {@code beak demo|train|evaluate|predict|summary|zoo ...}. */
@Command(name = "beak", mixinStandardHelpOptions = true, version = "beak 0.1.0",
        description = "Convolutional neural networks in pure Java.",
        footerHeading = "%nExamples:%n",
        footer = {"  beak demo                                   train the MNIST CNN on the bundled digits (runs/demo/)",
                "  beak train --model lenet5 --data mnist --epochs 5 --optimizer sgd --lr 0.01 --schedule cosine",
                "  beak evaluate runs/demo/mnist.beak --json   one JSON object on stdout",
                "  beak predict runs/demo/mnist.beak digit.png --top 3",
                "  beak report runs/demo/mnist.beak           curves, confusion matrix, per-class precision/recall",
                "  beak help train                             every option of a command",
                "  source <(beak completion)                   tab completion in bash/zsh"},
        subcommands = {DemoCommand.class, TrainCommand.class, ExperimentCommand.class, EvaluateCommand.class, PredictCommand.class,
                BenchCommand.class, SummaryCommand.class, ZooCommand.class, OnnxCommand.class, DataCommand.class, VizCommand.class, ReportCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) throws Exception {
        var relaunched = VectorApiRelaunch.ifNeeded(args); // java -jar beak.jar: again, with the Vector API
        System.exit(relaunched.isPresent() ? relaunched.getAsInt() : run(args));
    }

    /** Runs the command line and returns the exit code; errors print one line, not a stack trace. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("beak " + cmd.getCommandName() + ": " + describe(e));
            if (System.getenv("BEAK_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 1;
        });
        return cli.execute(args);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file: " + m;
        if (e instanceof OutOfMemoryError) return "out of memory (" + m + "); give the JVM more heap with JAVA_OPTS=-Xmx...";
        return m == null ? e.toString() : m;
    }
}
