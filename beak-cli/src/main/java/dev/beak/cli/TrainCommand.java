package dev.beak.cli;

import dev.beak.io.Checkpoint;
import dev.beak.io.CheckpointFile;
import dev.beak.io.SavedModel;
import dev.beak.kernel.Parallel;
import dev.beak.nn.Model;
import dev.beak.nn.train.TrainingState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Trains a named network, or continues training a saved model with what its file stores (preprocessing,
 * input geometry, class names, freeze flags and learning-rate multipliers, loss and metrics); with
 * {@code --checkpoint-dir} writes a checkpoint after every epoch, and {@code --resume DIR} continues from
 * the newest one with the settings saved in it (bit-identical to an uninterrupted run: the thread count
 * is saved too).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network (mnist, cifar, a zoo network, or a .beak file to continue) on IDX, CIFAR or image-folder data; save model and history.")
final class TrainCommand implements Callable<Integer> {
    /** Options that may come with --resume; the rest comes from the checkpoint. */
    private static final List<String> RESUME_OPTIONS = List.of("--resume", "--epochs", "--json");
    /** The settings key under which a checkpoint keeps the command line that continues it. */
    static final String SETTINGS_ARGS = "train_args";

    @Spec CommandSpec spec;

    @Option(names = "--model", defaultValue = "mnist", description = "Network: " + ModelSource.NAMES + " (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin DataOptions data;

    @Mixin NetworkArgs network;

    @Option(names = "--epochs", defaultValue = "" + Defaults.DEMO_EPOCHS, description = "Epochs in all, those of a resumed run included (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "" + Defaults.BATCH_SIZE, description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam or sgd (default: ${DEFAULT-VALUE}).")
    TrainingRun.OptimizerKind optimizer;

    @Option(names = "--lr", defaultValue = "" + Defaults.LEARNING_RATE, description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lr-decay", defaultValue = "" + Defaults.LR_DECAY,
            description = "Learning-rate factor per epoch (1 = constant; default: ${DEFAULT-VALUE}).")
    double lrDecay;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--seed", defaultValue = "" + Defaults.SEED, description = "Seed of initialisation, shuffling and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Kernel threads (default: one per core). Results repeat bit for bit for the same count.")
    Integer threads;

    @Option(names = "--out", description = "Model file to write (default: runs/<model>.beak); the history CSV goes beside it.")
    Path out;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Write a checkpoint (model, optimizer state, history, settings) into DIR after every epoch.")
    Path checkpointDir;

    @Option(names = "--keep", defaultValue = "2", description = "Checkpoints to keep in --checkpoint-dir, newest first (0 = all; default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue from the newest checkpoint in DIR (or from a checkpoint file) with its settings; only --epochs may change.")
    Path resume;

    @Option(names = "--json", description = "Print the final figures as one JSON line at the end.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (resume != null) return resume();
        // A .beak file brings its preprocessing, input geometry, class names, freeze flags and loss: training continues with them.
        SavedModel saved = ModelSource.isModelFile(model) ? ModelSource.load(model) : null;
        Model m = saved != null ? saved.model() : ModelSource.resolve(model, seed, network);
        Path target = out != null ? out : Path.of("runs", (ModelSource.isNamed(model) ? model : m.name()) + ".beak");
        return train(m, target, saved == null ? null : StoredData.of(model, saved), saved, null, args(target));
    }

    /**
     * Validates the outputs, prepares the data (as the file {@code saved} fixes it, when not null), trains
     * (from the checkpoint {@code from} when not null), prints the figures.
     */
    private int train(Model m, Path target, StoredData stored, SavedModel saved, Checkpoint from, List<String> args) throws Exception {
        var stdout = spec.commandLine().getOut();
        if (threads != null) Parallel.setThreads(threads);
        long modelBytes = 4 * m.state().values().stream().mapToLong(t -> t.size()).sum() + (1 << 16);
        OutputPaths.checkFile("--out", target, modelBytes);
        // A checkpoint holds the weights and up to two optimizer buffers of the same size (Adam's moments).
        if (checkpointDir != null) OutputPaths.checkFolder("--checkpoint-dir", checkpointDir, 3 * modelBytes);
        OutputPaths.deleteStaleTemporaryFiles(target);
        String optText = String.format(Locale.ROOT, "%s lr %s", optimizer == TrainingRun.OptimizerKind.adam ? "Adam" : "SGD", lr)
                + (optimizer == TrainingRun.OptimizerKind.sgd ? " momentum " + momentum : "");
        stdout.println("Data: " + data.describe());
        Map<String, Object> figures;
        TrainingState state = from == null ? null : from.state();
        try (DataOptions.Prepared prepared = data.prepare(m.inputShape(), batchSize, seed, stored)) {
            if (!prepared.classes().isEmpty()) stdout.println("Classes: " + String.join(", ", prepared.classes()));
            if (!prepared.preprocessing().isEmpty()) {
                stdout.println("Preprocessing (" + (stored != null ? "from " + stored.file() : "fitted on the training split") + "): "
                        + prepared.preprocessing().steps().stream().map(p -> p.type()).toList());
            }
            if (data.kind() == DataOptions.Kind.FOLDER) stdout.println("Images: " + prepared.geometry().describe());
            SavedModel start = new SavedModel(m, Map.of(), prepared.preprocessing(), prepared.classes(), prepared.geometry(),
                    saved != null ? saved.compileConfig() : null);
            TrainingRun.Data d = new TrainingRun.Data(prepared.train(), prepared.trainSize(), prepared.test());
            TrainingRun.Plan plan = new TrainingRun.Plan(TrainingRun.optimizer(optimizer, lr, momentum, lrDecay), optText, lrDecay, epochs, batchSize, seed, target);
            Map<String, Object> settings = Map.of(SETTINGS_ARGS, args);
            TrainingRun.Checkpoints checkpoints = new TrainingRun.Checkpoints(checkpointDir, keep, settings, state);
            figures = TrainingRun.run(start, d, plan, checkpoints, stdout, spec.commandLine().getErr());
            if (!prepared.skipped().isEmpty()) stdout.print(prepared.skipped().summary());
            figures.put("skipped_files", prepared.skipped().size());
        }
        if (json) stdout.println(Json.line(figures));
        stdout.flush();
        return 0;
    }

    /** {@code --resume}: the newest checkpoint, its saved command line (epochs possibly raised), its model and state. */
    private int resume() throws Exception {
        var matched = spec.commandLine().getParseResult().matchedOptions().stream().map(o -> o.longestName())
                .filter(n -> !RESUME_OPTIONS.contains(n)).toList();
        if (!matched.isEmpty()) {
            throw new IllegalArgumentException("--resume continues with the settings saved in the checkpoint; only --epochs and --json may come with it, not "
                    + String.join(", ", matched));
        }
        if (!Files.exists(resume)) throw new IllegalArgumentException("--resume " + resume + ": no such folder or checkpoint file");
        Path file = Files.isDirectory(resume) ? CheckpointFile.latest(resume).orElseThrow(() -> new IllegalArgumentException(
                "--resume " + resume + ": the folder holds no checkpoint (beak train --checkpoint-dir writes them)")) : resume;
        Checkpoint c = CheckpointFile.load(file);
        if (!(c.settings().get(SETTINGS_ARGS) instanceof List<?> saved)) {
            throw new IllegalArgumentException(file + ": the checkpoint holds no beak train settings (written by the library?); "
                    + "continue it with Model.fit and FitOptions.resumeFrom");
        }
        List<String> args = new ArrayList<>(saved.stream().map(String::valueOf).toList());
        Path folder = file.toAbsolutePath().getParent();
        replace(args, "--checkpoint-dir", folder.toString()); // go on writing where the checkpoints are now
        if (spec.commandLine().getParseResult().hasMatchedOption("--epochs")) replace(args, "--epochs", Integer.toString(epochs));
        TrainCommand continued = new TrainCommand();
        CommandLine cli = new CommandLine(continued);
        cli.setOut(spec.commandLine().getOut());
        cli.setErr(spec.commandLine().getErr());
        cli.parseArgs(args.toArray(String[]::new));
        continued.json = json;
        var stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Resuming from %s: %d of %d epochs done%n", file, c.state().epochsDone(), continued.epochs);
        return continued.train(c.saved().model(), continued.out, StoredData.of(file.toString(), c.saved()), c.saved(), c, args);
    }

    /**
     * The command line that continues this run: every option given (paths made absolute) and every
     * other option's default, the model file, the checkpoint folder and the thread count in use, so
     * that a resume repeats the run exactly, even under a Beak with other defaults.
     */
    private List<String> args(Path target) {
        List<String> args = new ArrayList<>();
        var parsed = spec.commandLine().getParseResult();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            if (List.of("--resume", "--json", "--out", "--checkpoint-dir", "--model", "--threads").contains(name)) continue;
            if (!parsed.hasMatchedOption(name)) {
                if (o.arity().max() > 0 && o.defaultValue() != null) args.addAll(List.of(name, o.defaultValue()));
            } else if (o.arity().max() == 0) {
                args.add(name);
            } else {
                boolean path = o.type() == Path.class || (o.auxiliaryTypes().length > 0 && o.auxiliaryTypes()[0] == Path.class);
                for (String v : parsed.matchedOption(name).originalStringValues()) {
                    args.addAll(List.of(name, path ? Path.of(v).toAbsolutePath().toString() : v));
                }
            }
        }
        args.addAll(List.of("--model", ModelSource.isNamed(model) ? model : Path.of(model).toAbsolutePath().toString()));
        args.addAll(List.of("--out", target.toAbsolutePath().toString()));
        if (checkpointDir != null) args.addAll(List.of("--checkpoint-dir", checkpointDir.toAbsolutePath().toString()));
        args.addAll(List.of("--threads", Integer.toString(threads != null ? threads : Parallel.threads())));
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
