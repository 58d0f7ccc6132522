package dev.beak.cli;

import dev.beak.data.image.ColorMode;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.ImageOptions;
import dev.beak.data.image.ResizeMode;
import dev.beak.data.SkipReport;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.dataset.TensorDataset;
import dev.beak.data.image.SyntheticShapes;
import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.nn.CompileConfig;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.optim.Sgd;
import dev.beak.ops.Ops;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.metric.Metric;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Everything a trained model needs travels in its file: {@code beak evaluate} and {@code predict}
 * reproduce training's validation pipeline with no flags, and {@code beak train --model FILE.beak}
 * continues with the stored preprocessing, geometry, class names, freeze flags and loss.
 */
class ModelFileDataTest {
    @TempDir static Path dir;
    static Path shapes, model;
    static String trainJson;

    /** {@code perClass} PNGs of 30x40 pixels per class (circle, square), each a drawn shape stretched to that size. */
    static Path writePngs(Path root, int perClass, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int c = 0; c < 2; c++) {
            Path d = Files.createDirectories(root.resolve(SyntheticShapes.CLASSES.get(c)));
            for (int i = 0; i < perClass; i++) {
                BufferedImage square = SyntheticShapes.draw(c, 40, rng), img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
                img.createGraphics().drawImage(square, 0, 0, 40, 30, null);
                ImageIO.write(img, "png", d.resolve(i + ".png").toFile());
            }
        }
        return root;
    }

    static double figure(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([0-9.eE+-]+)").matcher(json);
        assertThat(m.find()).as("%s in %s", key, json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @BeforeAll
    static void trainOnPngs() throws IOException {
        shapes = writePngs(dir.resolve("shapes"), 20, 1);
        model = dir.resolve("shapes.beak");
        // Decoded at 34x31 (stretched), random 28x28 crops in training, so validation takes the centre 28x28.
        CliRun r = beak("train", "--model", "mnist", "--data", shapes.toString(), "--image-size", "34x31", "--resize", "stretch",
                "--augment", "crop=28,flip", "--preprocess", "standardize", "--epochs", "2", "--batch-size", "8", "--loader-threads", "1",
                "--out", model.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("Images: 34x31 grey (stretch), centre 28x28, pixels 0..255");
        trainJson = r.lastLine();
    }

    @Test
    void theFileHoldsGeometryPreprocessingClassesAndLoss() throws IOException {
        SavedModel saved = ModelFile.load(model);
        assertThat(saved.inputGeometry()).isEqualTo(InputGeometry.of(34, 31, ColorMode.GREY, ResizeMode.STRETCH, InputRange.BYTE).withCenterCrop(28, 28));
        assertThat(saved.preprocessing().steps()).extracting(p -> p.type()).containsExactly("standardize");
        assertThat(saved.classNames()).containsExactly("circle", "square");
        assertThat(saved.compileConfig()).isEqualTo(new CompileConfig(new CrossEntropy(), List.of()));
    }

    @Test
    void evaluateWithNoFlagsGivesTrainingsValidationFigures() {
        CliRun e = beak("evaluate", model.toString(), "--data", shapes.toString(), "--json");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(figure(e.lastLine(), "samples")).isEqualTo(8);
        assertThat(figure(e.lastLine(), "test_accuracy")).isEqualTo(figure(trainJson, "test_accuracy"));
        assertThat(figure(e.lastLine(), "test_loss")).isEqualTo(figure(trainJson, "test_loss"));

        CliRun p = beak("predict", model.toString(), "--data", shapes.toString(), "--count", "0");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.out()).containsPattern("image 0: class [01] (circle|square) \\(p=");
        long right = Math.round(figure(trainJson, "test_accuracy") * 8);
        assertThat(p.out()).contains(right + " of 8 correct");
    }

    @Test
    void vizReadsImageFilesAsTheFileSays() throws IOException {
        SavedModel saved = ModelFile.load(model);
        ImageFolder validation = ImageFolder.scan(shapes).split(0.2, 42).validation();
        Tensor x = saved.preprocessing().apply(saved.inputGeometry().load(validation, 1, new SkipReport(), false).x());
        Tensor scores = saved.model().predict(x, 64);
        int[] expected = new int[scores.dim(0)];
        for (int i = 0; i < expected.length; i++) expected[i] = dev.beak.nn.metric.Accuracy.argmax(scores.data(), i * scores.dim(1), scores.dim(1));
        String files = String.join(",", validation.entries().stream().map(e -> e.file().toString()).toList());
        CliRun r = beak("viz", "saliency", model.toString(), "--image", files, "--out", dir.resolve("saliency.png").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lastLine()).contains("\"classes\":" + java.util.Arrays.toString(expected).replace(" ", ""));
    }

    @Test
    void flagsThatRepeatTheFileAreAcceptedAndFlagsThatContradictItFail() throws IOException {
        CliRun same = beak("evaluate", model.toString(), "--data", shapes.toString(), "--image-size", "34x31", "--color", "grey", "--json");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(figure(same.lastLine(), "test_loss")).isEqualTo(figure(trainJson, "test_loss"));

        CliRun size = beak("evaluate", model.toString(), "--data", shapes.toString(), "--image-size", "28");
        assertThat(size.code()).isNotZero();
        assertThat(size.err()).contains("--image-size 28x28 contradicts " + model).contains("34x31 grey (stretch), centre 28x28")
                .contains("drop the flag");
        CliRun resize = beak("evaluate", model.toString(), "--data", shapes.toString(), "--resize", "crop");
        assertThat(resize.err()).contains("--resize crop contradicts");
        CliRun pre = beak("train", "--model", model.toString(), "--data", shapes.toString(), "--preprocess", "rescale", "--epochs", "1",
                "--out", dir.resolve("never.beak").toString());
        assertThat(pre.err()).contains("--preprocess [rescale] contradicts " + model).contains("preprocessing [standardize]");

        Path other = Files.createDirectories(dir.resolve("other/cats"));
        Files.copy(shapes.resolve("circle/0.png"), other.resolve("0.png"));
        Files.createDirectories(dir.resolve("other/dogs"));
        Files.copy(shapes.resolve("circle/1.png"), dir.resolve("other/dogs/1.png"));
        CliRun classes = beak("evaluate", model.toString(), "--data", dir.resolve("other").toString());
        assertThat(classes.err()).contains("has the classes [cats, dogs] but " + model + " was trained on [circle, square]");
        assertThat(Files.exists(dir.resolve("never.beak"))).isFalse();
    }

    @Test
    void continuedTrainingKeepsWhatTheFileStores() throws IOException {
        // A fine-tuning setup saved in the file: the convolutional base frozen, a boosted head, a top-1 metric.
        SavedModel first = ModelFile.load(model);
        Model m = first.model().freezeUpTo("flatten").setLearningRateMultiplier("dense", 2);
        Path tuned = dir.resolve("tuned.beak");
        ModelFile.save(new SavedModel(m, first.metadata(), first.preprocessing(), first.classNames(), first.inputGeometry(),
                new CompileConfig(new CrossEntropy(), List.of(Metric.topK(1)))), tuned);

        Path more = writePngs(dir.resolve("more"), 12, 9); // different images: refitting would change the statistics
        Path next = dir.resolve("next.beak");
        CliRun r = beak("train", "--model", tuned.toString(), "--data", more.toString(), "--augment", "crop=28", "--epochs", "1",
                "--batch-size", "8", "--out", next.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Preprocessing (from " + tuned + "): [standardize]").contains("Images: 34x31 grey (stretch), centre 28x28");

        SavedModel after = ModelFile.load(next);
        assertThat(after.preprocessing().config()).isEqualTo(first.preprocessing().config());
        assertThat(after.inputGeometry()).isEqualTo(first.inputGeometry());
        assertThat(after.classNames()).isEqualTo(first.classNames());
        assertThat(after.compileConfig()).isEqualTo(new CompileConfig(new CrossEntropy(), List.of(Metric.topK(1))));
        assertThat(after.model().trainingSettings()).isEqualTo(m.trainingSettings());
        for (var e : first.model().parameters().entrySet()) {
            Tensor now = after.model().parameters().get(e.getKey());
            if (e.getKey().startsWith("conv")) assertThat(now.data()).as(e.getKey() + " is frozen").containsExactly(e.getValue().data());
        }
        assertThat(after.model().parameters().get("dense.weight").data()).isNotEqualTo(first.model().parameters().get("dense.weight").data());
        assertThat(Files.readString(dir.resolve("next.history.csv"))).contains("top_1_accuracy");
    }

    @Test
    void aModelThatTakesZeroToOneGetsFolderImagesDividedBy255() throws IOException {
        // As a model trained on IDX digits: 28x28 grey in 0..1, no fitted preprocessing.
        Model small = Sequential.of(Layers.conv2d(4, 3).withActivation(Activation.RELU), Layers.flatten(), Layers.dense(2))
                .seed(4).withInputShape(1, 28, 28);
        InputGeometry unit = InputGeometry.of(28, 28, ColorMode.GREY, ResizeMode.CROP, InputRange.UNIT);
        Path file = dir.resolve("unit.beak");
        ModelFile.save(new SavedModel(small, Map.of(), Preprocessing.NONE, List.of(), unit, null), file);

        TensorDataset validation = ImageFolder.scan(shapes).split(0.2, 42).validation()
                .dataset(ImageOptions.of(28, 28).withColor(ColorMode.GREY)).load(1, new SkipReport());
        TensorDataset scaled = new TensorDataset(Ops.mul(validation.x(), Tensor.scalar(1f / 255)), validation.y());
        double expected = small.compile(new Sgd(0.1), new CrossEntropy()).evaluate(scaled, 256).loss();
        CliRun e = beak("evaluate", file.toString(), "--data", shapes.toString(), "--json");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(figure(e.lastLine(), "test_loss")).isCloseTo(expected, within(1e-5));

        // The other way round: a model taking pixels 0..255 is refused IDX or CIFAR data, read as 0..1.
        Path cifar = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        Files.write(cifar.resolve("test_batch.bin"), new byte[3073]);
        CliRun idx = beak("evaluate", model.toString(), "--data", dir.toString());
        assertThat(idx.code()).isNotZero();
        assertThat(idx.err()).contains(model + " takes pixels 0..255").contains("is read as 0..1; give it an image folder");
    }

    @Test
    void aModelTrainedOnCifarFilesRecordsItsSamplesAsZeroToOne() throws IOException {
        Path cifar = Files.createDirectories(dir.resolve("cifar-only/cifar-10-batches-bin"));
        SplittableRandom rng = new SplittableRandom(5);
        for (String name : List.of("data_batch_1.bin", "test_batch.bin")) {
            byte[] records = new byte[3073 * 16];
            for (int i = 0; i < records.length; i++) records[i] = (byte) rng.nextInt(256);
            for (int r = 0; r < 16; r++) records[r * 3073] = (byte) (r % 10);
            Files.write(cifar.resolve(name), records);
        }
        Path file = dir.resolve("cifar.beak");
        CliRun r = beak("train", "--model", "cifar", "--data", cifar.getParent().toString(), "--epochs", "1", "--batch-size", "8",
                "--augment", "pad-crop=4,flip", "--out", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ModelFile.load(file).inputGeometry())
                .isEqualTo(InputGeometry.of(32, 32, ColorMode.RGB, ResizeMode.CROP, InputRange.UNIT));
    }

    @Test
    void continuingWithoutTheCropIsRefusedWithAHint() {
        CliRun r = beak("train", "--model", model.toString(), "--data", shapes.toString(), "--epochs", "1",
                "--out", dir.resolve("never2.beak").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("but its inputs are (1, 28, 28) (give --augment crop=28x28)");
    }
}
