package dev.beak.cli;

import dev.beak.io.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.beak.cli.CliRun.beak;
import static dev.beak.cli.ModelFileDataTest.figure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands are built from option groups that belong to them: training's data options are not offered by
 * the commands that only read test data, the training group reaches the library's optimizers, schedules,
 * losses and early stopping, and the split an image folder was trained with travels in the model file.
 */
class OptionGroupsTest {
    @TempDir static Path dir;
    static Path shapes, model;
    static CliRun trained;

    @BeforeAll
    static void trainWithTheTrainingGroup() throws IOException {
        shapes = ModelFileDataTest.writePngs(dir.resolve("shapes"), 12, 3);
        model = dir.resolve("shapes.beak");
        trained = beak("train", "--model", "mnist", "--data", shapes.toString(), "--image-size", "28", "--validation-split", "0.25",
                "--epochs", "2", "--batch-size", "8", "--optimizer", "nesterov", "--lr", "0.01", "--weight-decay", "1e-4",
                "--schedule", "cosine", "--loss", "hinge", "--early-stopping", "1", "--out", model.toString(), "--json");
    }

    @Test
    void trainingOptionsReachTheLibrary() throws IOException {
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.err()).contains("SGD (Nesterov) lr 0.01 momentum 0.9, weight decay 1.0E-4, cosine schedule")
                .contains("The test figures are on the validation split: 25% of each class")
                .contains("Next: ./beak evaluate " + model);
        assertThat(ModelFile.load(model).compileConfig().loss().name()).isEqualTo(new dev.beak.nn.loss.CategoricalHinge().name());
        assertThat(ModelFile.load(model).metadata()).containsEntry("validation_split", "0.25").containsEntry("split_seed", "42");
    }

    @Test
    void evaluateTestsOnTheSplitTheModelFileRecords() {
        CliRun e = beak("evaluate", model.toString(), "--data", shapes.toString(), "--json");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(figure(e.out(), "samples")).isEqualTo(6); // 25% of 12 per class, 2 classes
        assertThat(figure(e.out(), "test_accuracy")).isEqualTo(figure(trained.out(), "test_accuracy"));
        assertThat(e.err()).contains("validation split 0.25");
    }

    @Test
    void commandsThatOnlyReadTestDataRejectTrainingOptions() {
        List<List<String>> trainingOnly = List.of(List.of("--augment", "flip"), List.of("--train-images", "x"), List.of("--whiten-eps", "0.1"),
                List.of("--validation-split", "0.3"), List.of("--preprocess", "standardize"), List.of("--optimizer", "sgd"), List.of("--epochs", "3"));
        for (String command : List.of("evaluate", "predict", "report")) {
            for (List<String> option : trainingOnly) {
                CliRun r = beak(command, model.toString(), option.get(0), option.get(1));
                assertThat(r.code()).as("%s %s", command, option).isEqualTo(2);
                assertThat(r.err()).as("%s %s", command, option).contains("Unknown option").contains(option.get(0));
            }
        }
        CliRun viz = beak("viz", "gradcam", model.toString(), "--augment", "flip");
        assertThat(viz.code()).isEqualTo(2);
        assertThat(viz.err()).contains("Unknown option").contains("'--augment'");
    }

    @Test
    void badTrainingOptionsAreOneClearLine() {
        CliRun r = beak("train", "--data", shapes.toString(), "--schedule", "wavy", "--epochs", "1", "--out", dir.resolve("x.beak").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("beak train: --schedule must be exponential, constant, cosine, step:EVERY:FACTOR or plateau:PATIENCE:FACTOR");
        assertThat(Files.exists(dir.resolve("x.beak"))).isFalse();
    }

    @Test
    void helpHasExamplesAndCompletionCoversEveryCommand() {
        CliRun help = beak("train", "--help");
        assertThat(help.out()).contains("Examples:").contains("--schedule").contains("--early-stopping").contains("--weight-decay");
        CliRun completion = beak("completion");
        assertThat(completion.code()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("evaluate").contains("--validation-split").contains("completion");
    }
}
