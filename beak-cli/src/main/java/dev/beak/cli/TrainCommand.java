package dev.beak.cli;

import dev.beak.io.Checkpoint;
import dev.beak.io.SavedModel;
import dev.beak.io.TrainingSession;
import dev.beak.kernel.Parallel;
import dev.beak.nn.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Trains a named network, or continues training a saved model with what its file stores (preprocessing,
 * input geometry, class names, freeze flags and learning-rate multipliers, loss and metrics); with
 * {@code --checkpoint-dir} writes a checkpoint after every epoch, and {@code --resume DIR} continues from
 * the newest one with the settings saved in it ({@link TrainResume}); {@code --base} is transfer learning
 * ({@link TrainTransfer}). The run itself is the library's {@link TrainingSession}.
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
    /** The settings key under which a checkpoint keeps the command line that continues it. */
    static final String SETTINGS_ARGS = "train_args";

    @Spec CommandSpec spec;

    @Option(names = "--model", defaultValue = "mnist", description = "Network: " + ModelSource.NAMES + " (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin TrainDataOptions data;
    @Mixin NetworkArgs network;
    @Mixin MonitorOptions monitor;
    @Mixin TrainingOptions training;
    @Mixin CheckpointOptions checkpoints;
    @Mixin TransferOptions transfer;
    @Mixin OutputOptions output;

    @Option(names = "--epochs", defaultValue = "" + Defaults.DEMO_EPOCHS, description = "Epochs in all, those of a resumed run included (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "" + Defaults.BATCH_SIZE, description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "" + Defaults.SEED, description = "Seed of initialisation, shuffling and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Kernel threads (default: one per core). Results repeat bit for bit for the same count.")
    Integer threads;

    @Option(names = "--out", description = "Model file to write (default: runs/<model>.beak); the history CSV goes beside it.")
    Path out;

    @Override
    public Integer call() throws Exception {
        var parsed = spec.commandLine().getParseResult();
        for (String o : List.of("--live", "--run-dir", "--tensorboard")) {
            if ((checkpoints.resume != null || transfer.base != null) && parsed.hasMatchedOption(o)) {
                throw new IllegalArgumentException(o + " does not go with " + (checkpoints.resume != null
                        ? "--resume (a resumed run watches as its first command line said)" : "--base (transfer learning is not watched yet)"));
            }
        }
        if (checkpoints.resume != null) return TrainResume.resume(this);
        if (transfer.base != null) return TrainTransfer.run(this);
        for (String o : TransferOptions.NEED_BASE) {
            if (parsed.hasMatchedOption(o)) throw new IllegalArgumentException(o + " goes with --base MODEL (transfer learning)");
        }
        // A .beak file brings its preprocessing, input geometry, class names, freeze flags and loss: training continues with them.
        SavedModel saved = ModelSource.isModelFile(model) ? ModelSource.load(model) : null;
        Model m = saved != null ? saved.model() : ModelSource.resolve(model, seed, network);
        Path target = out != null ? out : Path.of("runs", (ModelSource.isNamed(model) ? model : m.name()) + ".beak");
        return train(m, target, saved == null ? null : StoredData.of(model, saved), saved, null, TrainResume.args(this, target));
    }

    /**
     * Validates the outputs, prepares the data (as the file {@code saved} fixes it, when not null), trains
     * (from the checkpoint {@code from} when not null), prints the figures.
     */
    int train(Model m, Path target, StoredData stored, SavedModel saved, Checkpoint from, List<String> args) throws Exception {
        var stdout = output.human();
        if (threads != null) Parallel.setThreads(threads);
        long modelBytes = 4 * m.state().values().stream().mapToLong(t -> t.size()).sum() + (1 << 16);
        OutputPaths.checkFile("--out", target, modelBytes);
        // A checkpoint holds the weights and up to two optimizer buffers of the same size (Adam's moments).
        if (checkpoints.dir != null) OutputPaths.checkFolder("--checkpoint-dir", checkpoints.dir, 3 * modelBytes);
        OutputPaths.deleteStaleTemporaryFiles(target);
        stdout.println("Data: " + data.describe());
        Map<String, Object> figures;
        try (DataOptions.Prepared prepared = data.prepare(m.inputShape(), batchSize, seed, stored)) {
            if (!prepared.classes().isEmpty()) stdout.println("Classes: " + String.join(", ", prepared.classes()));
            if (!prepared.preprocessing().isEmpty()) {
                stdout.println("Preprocessing (" + (stored != null ? "from " + stored.file() : "fitted on the training split") + "): "
                        + prepared.preprocessing().steps().stream().map(p -> p.type()).toList());
            }
            if (data.kind() == DataOptions.Kind.FOLDER) stdout.println("Images: " + prepared.geometry().describe());
            SavedModel start = new SavedModel(m, data.splitMetadata(), prepared.preprocessing(), prepared.classes(), prepared.geometry(),
                    saved != null ? saved.compileConfig() : null);
            var d = new TrainingSession.Data(prepared.train(), prepared.trainSize(), prepared.test());
            var checkpointing = new TrainingSession.Checkpoints(checkpoints.dir, checkpoints.keep, Map.of(SETTINGS_ARGS, args), from == null ? null : from.state());
            try (MonitorOptions.Monitor watch = monitor.open(target, prepared.test(), prepared.classes(), output.err())) {
                figures = TrainingRun.run(start, d, training.plan(training.lr, epochs, batchSize, seed, target), training.shown(training.lr),
                        checkpointing, watch.listener(), stdout, output.err());
            }
            if (!prepared.skipped().isEmpty()) stdout.print(prepared.skipped().summary());
            figures.put("skipped_files", prepared.skipped().size());
        }
        NextSteps.afterTraining(stdout, target, data);
        output.result(figures);
        return 0;
    }
}
