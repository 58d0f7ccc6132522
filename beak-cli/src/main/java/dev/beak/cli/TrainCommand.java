package dev.beak.cli;

import dev.beak.nn.train.ProgressBar;
import dev.beak.io.Checkpoint;
import dev.beak.io.CheckpointFile;
import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.data.loader.Features;
import dev.beak.dataset.Batches;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.TransferRecipe;
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
        description = "Train a network (mnist, cifar, a zoo network, or a .beak file to continue) on IDX, CIFAR or image-folder data; save model and history.",
        footerHeading = "%nExamples:%n",
        footer = {"  beak train --model mnist --data mnist --epochs 10",
                "  beak train --model resnet18 --data FLOWERS --image-size 224 --augment flip,crop=224 --optimizer nesterov --lr 0.05 "
                        + "--weight-decay 5e-4 --schedule cosine --early-stopping 5",
                "  beak train --base mobilenetv2.onnx --data FLOWERS --freeze-base --cache-features --epochs 5",
                "  beak train --model mnist --checkpoint-dir runs/ckpt ...   then   beak train --resume runs/ckpt"})
final class TrainCommand implements Callable<Integer> {
    /** Options that may come with --resume; the rest comes from the checkpoint. */
    private static final List<String> RESUME_OPTIONS = List.of("--resume", "--epochs", "--json");
    /** The settings key under which a checkpoint keeps the command line that continues it. */
    static final String SETTINGS_ARGS = "train_args";

    @Spec CommandSpec spec;

    @Option(names = "--model", defaultValue = "mnist", description = "Network: " + ModelSource.NAMES + " (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin TrainDataOptions data;

    @Mixin NetworkArgs network;

    @Mixin MonitorOptions monitor;

    @Option(names = "--epochs", defaultValue = "" + Defaults.DEMO_EPOCHS, description = "Epochs in all, those of a resumed run included (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "" + Defaults.BATCH_SIZE, description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Mixin TrainingOptions training;

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

    @Mixin OutputOptions output;

    @Option(names = "--base", paramLabel = "MODEL",
            description = "Transfer learning: a pretrained network (.beak or .onnx file, or mnist, cifar) whose base gets a new classifier "
                    + "for the classes of --data; the model file written is a normal .beak with the class names.")
    String base;

    @Option(names = "--cut", paramLabel = "LAYER", description = "With --base: the last layer of the base kept (default: the input of its last dense layer).")
    String cut;

    @Option(names = "--head", paramLabel = "SPEC", description = "With --base: " + HeadSpec.HELP)
    String head;

    @Option(names = "--freeze-base", description = "With --base: train only the new head; the base's weights stay bit for bit.")
    boolean freezeBase;

    @Option(names = "--fine-tune-from", paramLabel = "LAYER",
            description = "With --base: after the head, unfreeze LAYER and every layer after it and train on (phase two).")
    String fineTuneFrom;

    @Option(names = "--fine-tune-epochs", defaultValue = "3", description = "Epochs of phase two (default: ${DEFAULT-VALUE}).")
    int fineTuneEpochs;

    @Option(names = "--fine-tune-lr", description = "Learning rate of phase two (default: --lr / 10).")
    Double fineTuneLr;

    @Option(names = "--cache-features",
            description = "With --freeze-base: run the base once over the training images and train the head on its outputs.")
    boolean cacheFeatures;

    @Option(names = "--feature-passes", defaultValue = "1",
            description = "With --cache-features: passes over the training images (more than 1 with --augment: augmented copies; default: ${DEFAULT-VALUE}).")
    int featurePasses;

    @Option(names = "--on-nan", paramLabel = "stop|skip-batch", defaultValue = "stop",
            description = "When a batch's loss or gradients stop being finite or the loss explodes: stop (naming the layer) or skip the batch (default: ${DEFAULT-VALUE}).")
    String onNan;

    @Override
    public Integer call() throws Exception {
        for (String o : List.of("--live", "--run-dir", "--tensorboard")) {
            if ((resume != null || base != null) && spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new IllegalArgumentException(o + " does not go with " + (resume != null
                        ? "--resume (a resumed run watches as its first command line said)" : "--base (transfer learning is not watched yet)"));
            }
        }
        if (resume != null) return resume();
        if (base != null) return transfer();
        for (String o : List.of("--cut", "--head", "--freeze-base", "--fine-tune-from", "--fine-tune-lr", "--cache-features")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) throw new IllegalArgumentException(o + " goes with --base MODEL (transfer learning)");
        }
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
        var stdout = output.human();
        if (threads != null) Parallel.setThreads(threads);
        long modelBytes = 4 * m.state().values().stream().mapToLong(t -> t.size()).sum() + (1 << 16);
        OutputPaths.checkFile("--out", target, modelBytes);
        // A checkpoint holds the weights and up to two optimizer buffers of the same size (Adam's moments).
        if (checkpointDir != null) OutputPaths.checkFolder("--checkpoint-dir", checkpointDir, 3 * modelBytes);
        OutputPaths.deleteStaleTemporaryFiles(target);
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
            SavedModel start = new SavedModel(m, data.splitMetadata(), prepared.preprocessing(), prepared.classes(), prepared.geometry(),
                    saved != null ? saved.compileConfig() : null);
            TrainingRun.Data d = new TrainingRun.Data(prepared.train(), prepared.trainSize(), prepared.test());
            TrainingRun.Plan plan = plan(training.lr, epochs, target);
            Map<String, Object> settings = Map.of(SETTINGS_ARGS, args);
            TrainingRun.Checkpoints checkpoints = new TrainingRun.Checkpoints(checkpointDir, keep, settings, state);
            try (MonitorOptions.Monitor monitor = this.monitor.open(target, prepared.test(), prepared.classes(), output.err())) {
                figures = TrainingRun.run(start, d, plan, checkpoints, monitor.listener(), stdout, output.err());
            }
            if (!prepared.skipped().isEmpty()) stdout.print(prepared.skipped().summary());
            figures.put("skipped_files", prepared.skipped().size());
        }
        NextSteps.afterTraining(stdout, target, data);
        output.result(figures);
        return 0;
    }

    /**
     * {@code --base}: the pretrained base cut at {@code --cut}, a new head for the data's classes, phase one
     * (the head, through the frozen base or on cached base outputs), then phase two when {@code --fine-tune-from}
     * is given; the model file is written after each phase ({@code NAME.head.beak}, then {@code --out}).
     */
    private int transfer() throws Exception {
        var stdout = output.human();
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--model")) throw new IllegalArgumentException("give either --model (train or continue) or --base (a new head on a pretrained base)");
        if (checkpointDir != null) throw new IllegalArgumentException("--checkpoint-dir does not work with --base yet");
        if (cacheFeatures && !freezeBase) {
            throw new IllegalArgumentException("--cache-features needs --freeze-base: cached base outputs hold only while the base does not train");
        }
        if (threads != null) Parallel.setThreads(threads);
        SavedModel saved = ModelSource.isModelFile(base) ? ModelSource.load(base) : null;
        Model pretrained = saved != null ? saved.model() : ModelSource.resolve(base, seed);
        // The base keeps the pixels it was trained on: its preprocessing and input geometry; the classes are the data's.
        StoredData stored = saved == null ? null : new StoredData(base, saved.preprocessing(), saved.inputGeometry(), List.of());
        TransferRecipe recipe = new TransferRecipe(cut != null ? cut : TrainingRun.defaultCut(pretrained), HeadSpec.parse(head), fineTuneFrom,
                fineTuneLr != null ? fineTuneLr / training.lr : 0.1);
        String stem = ModelSource.isNamed(base) ? base : Path.of(base).getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path target = out != null ? out : Path.of("runs", stem + "-transfer.beak");
        OutputPaths.checkFile("--out", target, 4 * pretrained.state().values().stream().mapToLong(t -> t.size()).sum() + (1 << 20));
        stdout.println("Data: " + data.describe());
        Map<String, Object> figures;
        try (DataOptions.Prepared prepared = data.prepare(pretrained.inputShape(), batchSize, seed, stored)) {
            int classes = prepared.classes().isEmpty() ? TrainingRun.classCount(prepared.test()) : prepared.classes().size();
            if (!prepared.classes().isEmpty()) stdout.println("Classes: " + String.join(", ", prepared.classes()));
            Model frozenBase = recipe.base(pretrained), newHead = recipe.head(frozenBase.outputShape(), classes, seed);
            Model model = frozenBase.followedBy(newHead);
            if (!freezeBase) model.unfreezeFrom(model.layerNames().getFirst());
            stdout.printf(Locale.ROOT, "Transfer: base of %s up to %s (%s), new head %s -> %d classes%n", base, recipe.cut(),
                    freezeBase ? "frozen" : "trainable", newHead.layerNames(), classes);
            SavedModel begin = new SavedModel(model, data.splitMetadata(), prepared.preprocessing(), prepared.classes(), prepared.geometry(), null);
            Path phaseOne = fineTuneFrom == null ? target : target.resolveSibling(stem(target) + ".head.beak");
            TrainingRun.Plan one = plan(training.lr, epochs, phaseOne);
            if (cacheFeatures) {
                long t0 = System.nanoTime();
                TensorDataset trainFeatures = Features.compute(prepared.train(), featurePasses, x -> frozenBase.predict(x, 256));
                TensorDataset testFeatures = Features.compute(prepared.test(), x -> frozenBase.predict(x, 256), 256);
                stdout.printf(Locale.ROOT, "Cached base outputs %s of %,d training and %,d test samples in %s%n",
                        dev.beak.tensor.Shape.toString(trainFeatures.sampleShape()), trainFeatures.size(), testFeatures.size(),
                        ProgressBar.clock((System.nanoTime() - t0) / 1e9));
                TrainingRun.Data d = new TrainingRun.Data(Batches.shuffled(trainFeatures, batchSize, seed, 0), trainFeatures.size(), testFeatures);
                figures = TrainingRun.run(new SavedModel(newHead, Map.of()), d, one, TrainingRun.Checkpoints.NONE, stdout, output.err());
                // The head file becomes the whole model: base and trained head.
                Map<String, String> meta = new java.util.LinkedHashMap<>(begin.metadata());
                meta.put("test_accuracy", String.valueOf(figures.get("test_accuracy")));
                ModelFile.save(new SavedModel(model, meta, begin.preprocessing(),
                        begin.classNames(), begin.inputGeometry(), null), phaseOne);
            } else {
                TrainingRun.Data d = new TrainingRun.Data(prepared.train(), prepared.trainSize(), prepared.test());
                figures = TrainingRun.run(begin, d, one, TrainingRun.Checkpoints.NONE, stdout, output.err());
            }
            if (fineTuneFrom != null) {
                recipe.startFineTuning(model);
                stdout.printf(Locale.ROOT, "Fine-tuning from %s: %,d trainable parameters%n", fineTuneFrom,
                        model.trainableParameters().values().stream().mapToLong(t -> t.size()).sum());
                Map<String, Object> first = figures;
                TrainingRun.Data d = new TrainingRun.Data(prepared.train(), prepared.trainSize(), prepared.test());
                figures = TrainingRun.run(begin, d, plan(training.lr * recipe.fineTuneLrFactor(), fineTuneEpochs, target), TrainingRun.Checkpoints.NONE,
                        stdout, output.err());
                figures.put("head_test_accuracy", first.get("test_accuracy"));
                figures.put("head_model", first.get("model"));
            }
            figures.put("classes", classes);
        }
        NextSteps.afterTraining(stdout, target, data);
        output.result(figures);
        return 0;
    }

    private TrainingRun.Plan plan(double rate, int epochCount, Path file) {
        return new TrainingRun.Plan(training.optimizer(rate, epochCount), training.describe(rate), training.shownDecay(), epochCount, batchSize, seed, file,
                training.loss(), training.earlyStopping).onNan(onNan);
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.beak$", "");
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
        cli.setErr(output.err());
        cli.parseArgs(args.toArray(String[]::new));
        continued.output.json = output.json;
        var stdout = output.human();
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
                    // Paths become absolute; a name that is no path here (--data fashion-mnist) stays a name.
                    boolean isPath = path && (Files.exists(Path.of(v)) || !DataOptions.isDatasetName(v));
                    args.addAll(List.of(name, isPath ? Path.of(v).toAbsolutePath().toString() : v));
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
