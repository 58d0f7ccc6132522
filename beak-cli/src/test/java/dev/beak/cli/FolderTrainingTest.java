package dev.beak.cli;

import dev.beak.data.SkipReport;
import dev.beak.data.augment.Augmentation;
import dev.beak.data.augment.Augmentations;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.ImageOptions;
import dev.beak.data.image.SyntheticShapes;
import dev.beak.data.loader.DataLoader;
import dev.beak.data.preprocess.PreprocessKind;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' small-data workflow end to end: a few hundred JPEGs of coloured shapes in class folders,
 * decoded, split, rescaled, augmented on background threads and fed to a small CNN.
 */
class FolderTrainingTest {
    @TempDir
    static Path dir;
    static Path shapes;

    @BeforeAll
    static void writeImages() throws IOException {
        shapes = SyntheticShapes.write(dir.resolve("shapes"), 3, 120, 32, 7);
    }

    static Model smallCnn() {
        return Sequential.of(
                Layers.conv2d(16, 3).withActivation(Activation.RELU), Layers.maxPool2d(2),
                Layers.conv2d(32, 3).withActivation(Activation.RELU), Layers.maxPool2d(2),
                Layers.conv2d(32, 3).withActivation(Activation.RELU),
                Layers.flatten(), Layers.dense(64, Activation.RELU), Layers.dense(3)).seed(1).withInputShape(3, 32, 32);
    }

    static History train(Augmentation aug) throws IOException {
        ImageFolder.Split split = ImageFolder.scan(shapes).split(0.3, 42);
        SkipReport report = new SkipReport();
        TensorDataset train = split.train().dataset(ImageOptions.of(32, 32)).load(2, report);
        TensorDataset validation = split.validation().dataset(ImageOptions.of(32, 32)).load(2, report);
        Preprocessing pre = Preprocessing.fit(train, List.of(PreprocessKind.RESCALE), 0);
        Model model = smallCnn().compile(new Adam(2e-3), new CrossEntropy());
        try (DataLoader loader = DataLoader.builder(train).batchSize(16).shuffle(3).augment(aug).preprocess(pre).threads(2).build()) {
            return model.fit(loader, FitOptions.epochs(20).validation(pre.applyTo(validation)));
        }
    }

    static double lastMean(History h, String key) {
        double[] v = h.values(key);
        return Arrays.stream(v, v.length - 3, v.length).average().orElseThrow();
    }

    @Test
    void augmentationLearnsAndOverfitsLessThanNoAugmentation() throws IOException {
        History plain = train(null);
        History augmented = train(Augmentations.compose(Augmentations.flipHorizontal(), Augmentations.shift(0.1, 0.1)));
        double gapPlain = lastMean(plain, "accuracy") - lastMean(plain, "val_accuracy");
        double gapAug = lastMean(augmented, "accuracy") - lastMean(augmented, "val_accuracy");
        System.out.printf("no augmentation: %s%naugmentation:    %s%n", plain.toCsv(), augmented.toCsv());
        assertThat(lastMean(augmented, "val_accuracy")).as("validation accuracy with augmentation (chance 0.33)").isGreaterThan(0.7);
        assertThat(gapPlain).as("train-validation gap without augmentation").isGreaterThan(gapAug + 0.03);
    }

    @Test
    void trainCommandAcceptsAnImageFolderAndSkipsBadFiles() throws IOException {
        Path small = SyntheticShapes.write(dir.resolve("cli"), 2, 12, 40, 3);
        Files.writeString(small.resolve("circle/broken.jpg"), "not a jpeg");
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cli = new picocli.CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("train", "--model", "cifar", "--data", small.toString(), "--epochs", "1", "--batch-size", "8",
                "--augment", "flip,rotate=10", "--skip-bad", "--out", dir.resolve("m.beak").toString(), "--json");
        String text = out.toString();
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Classes: circle, square").contains("Skipped 1 bad file").contains("broken.jpg: not an image");
        assertThat(text.strip()).startsWith("{").doesNotContain("\n").contains("\"skipped_files\":1");

        StringWriter out2 = new StringWriter(), err2 = new StringWriter();
        cli.setOut(new PrintWriter(out2));
        cli.setErr(new PrintWriter(err2));
        int strict = Main.run("train", "--model", "cifar", "--data", small.toString(), "--epochs", "1", "--out", dir.resolve("m2.beak").toString());
        assertThat(strict).isEqualTo(1);
    }

    @Test
    void trainCommandAcceptsCifarFilesWithPreprocessingAndPadCrop() throws IOException {
        Path cifar = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (String name : List.of("data_batch_1.bin", "test_batch.bin")) {
            byte[] records = new byte[3073 * 24];
            for (int i = 0; i < records.length; i++) records[i] = (byte) rng.nextInt(256);
            for (int r = 0; r < 24; r++) records[r * 3073] = (byte) (r % 10);
            Files.write(cifar.resolve(name), records);
        }
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cli = new picocli.CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("train", "--model", "cifar", "--data", dir.toString(), "--epochs", "1", "--batch-size", "8",
                "--augment", "pad-crop=4,flip", "--preprocess", "channel-mean,standardize", "--out", dir.resolve("c.beak").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("CIFAR binary").contains("[channel_mean, standardize]").contains("on 24 images, testing on 24");
    }
}
