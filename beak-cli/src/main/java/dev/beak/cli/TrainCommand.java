package dev.beak.cli;

import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Trains a named network, or continues training a saved model with what its file stores (preprocessing,
 * input geometry, class names, freeze flags and learning-rate multipliers, loss and metrics).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network (mnist, cifar, or a .beak file to continue) on IDX, CIFAR or image-folder data; save model and history.")
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", defaultValue = "mnist", description = "Network: " + ModelSource.NAMES + " (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin DataOptions data;

    @Option(names = "--epochs", defaultValue = "" + Defaults.DEMO_EPOCHS, description = "Epochs (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--out", description = "Model file to write (default: runs/<model>.beak).")
    Path out;

    @Option(names = "--json", description = "Print the final figures as one JSON line at the end.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var stdout = spec.commandLine().getOut();
        // A .beak file brings its preprocessing, input geometry, class names, freeze flags and loss: training continues with them.
        SavedModel saved = ModelSource.isModelFile(model) ? ModelSource.load(model) : null;
        Model m = saved != null ? saved.model() : ModelSource.resolve(model, seed);
        Path target = out != null ? out : Path.of("runs", (ModelSource.isNamed(model) ? model : m.name()) + ".beak");
        String optText = String.format(Locale.ROOT, "%s lr %s", optimizer == TrainingRun.OptimizerKind.adam ? "Adam" : "SGD", lr)
                + (optimizer == TrainingRun.OptimizerKind.sgd ? " momentum " + momentum : "");
        stdout.println("Data: " + data.describe());
        Map<String, Object> figures;
        try (DataOptions.Prepared prepared = data.prepare(m.inputShape(), batchSize, seed, saved != null ? StoredData.of(model, saved) : null)) {
            if (!prepared.classes().isEmpty()) stdout.println("Classes: " + String.join(", ", prepared.classes()));
            if (!prepared.preprocessing().isEmpty()) {
                stdout.println("Preprocessing (" + (saved != null ? "from " + model : "fitted on the training split") + "): "
                        + prepared.preprocessing().steps().stream().map(p -> p.type()).toList());
            }
            if (data.kind() == DataOptions.Kind.FOLDER) stdout.println("Images: " + prepared.geometry().describe());
            SavedModel start = new SavedModel(m, Map.of(), prepared.preprocessing(), prepared.classes(), prepared.geometry(),
                    saved != null ? saved.compileConfig() : null);
            figures = TrainingRun.run(start, prepared.train(), prepared.trainSize(), prepared.test(),
                    TrainingRun.optimizer(optimizer, lr, momentum, lrDecay), optText, lrDecay, epochs, batchSize, seed, target,
                    stdout, spec.commandLine().getErr());
            if (!prepared.skipped().isEmpty()) stdout.print(prepared.skipped().summary());
            figures.put("skipped_files", prepared.skipped().size());
        }
        if (json) stdout.println(Json.line(figures));
        stdout.flush();
        return 0;
    }
}
