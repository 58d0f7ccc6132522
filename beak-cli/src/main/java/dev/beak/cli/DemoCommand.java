package dev.beak.cli;

import dev.beak.data.EmbeddedMnist;
import dev.beak.data.augment.Augmentations;
import dev.beak.data.image.ColorMode;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.data.loader.DataLoader;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.SavedModel;
import dev.beak.io.TrainingSession;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.LearningRateSchedule;
import dev.beak.nn.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Trains the seed-002 MNIST CNN on the embedded real MNIST sample and writes model and history. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train the seed-002 MNIST CNN on the bundled 10k real MNIST digits, report test accuracy, save model and history.")
final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "" + Defaults.DEMO_EPOCHS, description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--out", defaultValue = "runs/demo/mnist.beak", description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin OutputOptions output;

    @Override
    public Integer call() throws Exception {
        var stdout = output.human();
        Model model = ModelSource.resolve("mnist", Defaults.SEED);
        // Random shifts of up to 2 pixels (2/28 of the side): with only 8,000 training digits they help generalisation.
        TensorDataset train = EmbeddedMnist.train();
        Map<String, Object> figures;
        try (DataLoader loader = DataLoader.builder(train).batchSize(Defaults.BATCH_SIZE).shuffle(Defaults.SEED)
                .augment(Augmentations.shift(2 / 28.0, 2 / 28.0)).build()) {
            // What image files must become to be digits like these: 28x28 grey, 0..1 (so predict works on a folder of PNGs).
            InputGeometry digits = InputGeometry.of(28, 28, ColorMode.GREY, ResizeMode.CROP, InputRange.UNIT);
            TrainingSession.Data data = new TrainingSession.Data(loader, train.size(), EmbeddedMnist.test());
            Adam adam = new Adam(Defaults.LEARNING_RATE).schedule(LearningRateSchedule.exponential(Defaults.LR_DECAY));
            TrainingSession.Plan plan = TrainingSession.Plan.of(adam, epochs, Defaults.BATCH_SIZE, Defaults.SEED, out);
            figures = TrainingRun.run(new SavedModel(model, Map.of(), Preprocessing.NONE, List.of(), digits, null), data, plan,
                    "Adam lr " + Defaults.LEARNING_RATE + " (x" + Defaults.LR_DECAY + " per epoch)", TrainingSession.Checkpoints.NONE, stdout, output.err());
        }
        NextSteps.afterTraining(stdout, out, null);
        output.result(figures);
        return 0;
    }
}
