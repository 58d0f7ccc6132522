package dev.beak.cli;

import dev.beak.io.Checkpoint;
import dev.beak.io.CheckpointFile;
import dev.beak.kernel.Parallel;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line a checkpoint keeps so that {@code beak train --resume} repeats the run exactly: written by
 * {@link #args}, read back and parsed again by {@link #resume}.
 */
final class TrainResume {
    /** Options that may come with --resume; the rest comes from the checkpoint. */
    private static final List<String> RESUME_OPTIONS = List.of("--resume", "--epochs", "--json");
    /** Options not replayed from the given command line: {@link #args} writes them itself. */
    private static final List<String> WRITTEN = List.of("--resume", "--json", "--out", "--checkpoint-dir", "--model", "--threads");

    private TrainResume() {}

    /** {@code --resume}: the newest checkpoint, its saved command line (epochs possibly raised), its model and state. */
    static int resume(TrainCommand c) throws Exception {
        var parsed = c.spec.commandLine().getParseResult();
        var matched = parsed.matchedOptions().stream().map(o -> o.longestName()).filter(n -> !RESUME_OPTIONS.contains(n)).toList();
        if (!matched.isEmpty()) {
            throw new IllegalArgumentException("--resume continues with the settings saved in the checkpoint; only --epochs and --json may come with it, not "
                    + String.join(", ", matched));
        }
        Path resume = c.checkpoints.resume;
        if (!Files.exists(resume)) throw new IllegalArgumentException("--resume " + resume + ": no such folder or checkpoint file");
        Path file = Files.isDirectory(resume) ? CheckpointFile.latest(resume).orElseThrow(() -> new IllegalArgumentException(
                "--resume " + resume + ": the folder holds no checkpoint (beak train --checkpoint-dir writes them)")) : resume;
        Checkpoint cp = CheckpointFile.load(file);
        if (!(cp.settings().get(TrainCommand.SETTINGS_ARGS) instanceof List<?> saved)) {
            throw new IllegalArgumentException(file + ": the checkpoint holds no beak train settings (written by the library?); "
                    + "continue it with Model.fit and FitOptions.resumeFrom");
        }
        List<String> args = new ArrayList<>(saved.stream().map(String::valueOf).toList());
        replace(args, "--checkpoint-dir", file.toAbsolutePath().getParent().toString()); // go on writing where the checkpoints are now
        if (parsed.hasMatchedOption("--epochs")) replace(args, "--epochs", Integer.toString(c.epochs));
        TrainCommand continued = new TrainCommand();
        CommandLine cli = new CommandLine(continued);
        cli.setOut(c.spec.commandLine().getOut());
        cli.setErr(c.output.err());
        cli.parseArgs(args.toArray(String[]::new));
        continued.output.json = c.output.json;
        c.output.human().printf(Locale.ROOT, "Resuming from %s: %d of %d epochs done%n", file, cp.state().epochsDone(), continued.epochs);
        return continued.train(cp.saved().model(), continued.out, StoredData.of(file.toString(), cp.saved()), cp.saved(), cp, args);
    }

    /**
     * The command line that continues this run: every option given (paths made absolute) and every other option's
     * default, the model file, the checkpoint folder and the thread count in use, so that a resume repeats the run
     * exactly, even under a Beak with other defaults.
     */
    static List<String> args(TrainCommand c, Path target) {
        List<String> args = new ArrayList<>();
        var parsed = c.spec.commandLine().getParseResult();
        for (OptionSpec o : c.spec.options()) {
            String name = o.longestName();
            if (WRITTEN.contains(name)) continue;
            if (!parsed.hasMatchedOption(name)) {
                if (o.arity().max() > 0 && o.defaultValue() != null) args.addAll(List.of(name, o.defaultValue()));
            } else if (o.arity().max() == 0) {
                args.add(name);
            } else {
                boolean path = o.type() == Path.class || (o.auxiliaryTypes().length > 0 && o.auxiliaryTypes()[0] == Path.class);
                for (String v : parsed.matchedOption(name).originalStringValues()) {
                    // Paths become absolute; a name that is no path here (--data fashion-mnist) stays a name.
                    boolean isPath = path && (Files.exists(Path.of(v)) || !DataOptions.isDatasetName(v));
                    args.addAll(List.of(name, isPath ? Path.of(v).toAbsolutePath().toString() : v));
                }
            }
        }
        args.addAll(List.of("--model", ModelSource.isNamed(c.model) ? c.model : Path.of(c.model).toAbsolutePath().toString()));
        args.addAll(List.of("--out", target.toAbsolutePath().toString()));
        if (c.checkpoints.dir != null) args.addAll(List.of("--checkpoint-dir", c.checkpoints.dir.toAbsolutePath().toString()));
        args.addAll(List.of("--threads", Integer.toString(c.threads != null ? c.threads : Parallel.threads())));
        return args;
    }

    /** Sets option {@code name} to {@code value} in a saved command line of name-value pairs. */
    private static void replace(List<String> args, String name, String value) {
        int i = args.indexOf(name);
        if (i >= 0 && i + 1 < args.size()) {
            args.set(i + 1, value);
        } else {
            args.add(name);
            args.add(value);
        }
    }
}
