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
        subcommands = {DemoCommand.class, TrainCommand.class, ExperimentCommand.class, ExampleCommand.class, EvaluateCommand.class, PredictCommand.class,
                BenchCommand.class, SummaryCommand.class, ZooCommand.class, OnnxCommand.class, ConvertCommand.class, RunCommand.class, DataCommand.class,
                VizCommand.class, ReportCommand.class, DashboardCommand.class, ServeCommand.class, CompletionCommand.class,
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

    /**
     * One line for an error: wrappers (a loader thread's ExecutionException, UncheckedIOException) are
     * opened to the cause that says what went wrong; a memory shortfall gives the heap, the estimate
     * and the -Xmx to try; a raw JDK error without a message of its own says so and how to see more.
     */
    static String describe(Throwable e) {
        while ((e instanceof java.util.concurrent.ExecutionException || e instanceof java.util.concurrent.CompletionException
                || e instanceof java.io.UncheckedIOException || e instanceof java.lang.reflect.InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file: " + m;
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied: " + m;
        if (e instanceof OutOfMemoryError oom) return dev.beak.nn.MemoryPlan.explain(oom);
        if (e instanceof IndexOutOfBoundsException || e instanceof NullPointerException || e instanceof ArithmeticException
                || e instanceof ClassCastException || e instanceof NegativeArraySizeException || m == null) {
            return "internal error (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m) + "); please report it, "
                    + "with the command line; BEAK_DEBUG=1 shows the stack trace";
        }
        if (m.contains("No space left on device")) return "no space left on the device (" + m + ")";
        return m;
    }
}
