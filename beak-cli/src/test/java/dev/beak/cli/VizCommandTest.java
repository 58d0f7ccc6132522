package dev.beak.cli;

import dev.beak.data.EmbeddedMnist;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.ModelFile;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.ops.Padding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The viz and report commands end to end on a tiny trained model file. */
class VizCommandTest {
    @TempDir static Path dir;
    static Path model;

    @BeforeAll
    static void train() throws Exception {
        TensorDataset train = EmbeddedMnist.train().slice(0, 1000), test = EmbeddedMnist.test().slice(0, 200);
        Model m = Sequential.of(Layers.conv2d(4, 5).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2),
                Layers.flatten(), Layers.dense(10)).seed(1).withInputShape(1, 28, 28);
        m.compile(new Adam(3e-3), new CrossEntropy());
        History h = m.fit(train, FitOptions.epochs(2).batchSize(32).validation(test));
        model = dir.resolve("tiny.beak");
        ModelFile.save(m, model);
        Files.writeString(TrainingRun.historyPath(model), h.toCsv());
    }

    private record Result(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("beak " + cmd.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void adversarialWritesThePictureAndReportsFiguresAsTheLastJsonLine() throws Exception {
        Path png = dir.resolve("adv.png");
        Result r = run("viz", "adversarial", model.toString(), "--epsilon", "0.2", "--samples", "50", "--out", png.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lastLine()).startsWith("{\"command\":\"adversarial\"").contains("\"flip_rate\":").contains("\"max_perturbation\":0.2");
        assertThat(ImageIO.read(png.toFile())).isNotNull();
    }

    @Test
    void curvesFindTheHistoryBesideTheModel() throws Exception {
        Path png = dir.resolve("curves.png");
        Result r = run("viz", "curves", model.toString(), "--out", png.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lastLine()).contains("\"epochs\":2").contains("\"best_epoch\":");
    }

    @Test
    void gradcamAndActivationsAndPatterns() throws Exception {
        assertThat(run("viz", "gradcam", model.toString(), "--count", "3", "--out", dir.resolve("g.png").toString()).code()).isZero();
        Result a = run("viz", "activations", model.toString(), "--out", dir.resolve("a.png").toString(), "--json");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(dir.resolve("a-conv2d.png")).exists();
        assertThat(dir.resolve("a-max_pooling2d.png")).exists();
        Result p = run("viz", "patterns", model.toString(), "--layer", "conv2d", "--steps", "10", "--out", dir.resolve("p.png").toString(), "--json");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.lastLine()).contains("\"layer\":\"conv2d\"");
    }

    @Test
    void reportWritesOnePageWithItsPictures() throws Exception {
        Path out = dir.resolve("report");
        Result r = run("report", model.toString(), "--out", out.toString(), "--samples", "4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(out.resolve("index.html"));
        for (String png : new String[] {"curves.png", "confusion.png", "filters.png", "activations-conv2d.png", "gradcam.png"}) {
            assertThat(html).contains("src=\"" + png + "\"");
            assertThat(out.resolve(png)).exists();
        }
        assertThat(r.lastLine()).contains("\"test_accuracy\":").contains("\"macro_f1\":");
        // Run facts and the classification report: precision and recall per class, and the test accuracy training recorded.
        assertThat(html).contains("<h2>Run</h2>").contains("model file").contains("<h2>Per-class precision and recall</h2>")
                .contains("precision").contains("recall").contains("support");
    }

    @Test
    void imageFilesReplaceTestImages() throws Exception {
        // Test digit 0 (a 7) saved as an RGB PNG, three times the size: read back, greyed and resized.
        TensorDataset one = EmbeddedMnist.test().slice(0, 1);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(84, 84, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 84; y++) {
            for (int x = 0; x < 84; x++) {
                int v = Math.round(255 * one.x().data()[(y / 3) * 28 + x / 3]);
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        Path png = dir.resolve("seven.png");
        ImageIO.write(img, "png", png.toFile());
        Result r = run("viz", "gradcam", model.toString(), "--image", png.toString(), "--out", dir.resolve("g7.png").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lastLine()).contains("\"classes\":[7]");
        Result a = run("viz", "adversarial", model.toString(), "--image", png.toString(), "--epsilon", "0.05", "--out", dir.resolve("a7.png").toString(), "--json");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.lastLine()).contains("\"first_before\":7");
        Result bad = run("viz", "gradcam", model.toString(), "--image", dir.resolve("tiny.beak").toString());
        assertThat(bad.err().strip()).doesNotContain("\n").contains("not an image");
    }

    @Test
    void importedOnnxModelsWorkThroughTheSameGraph() throws Exception {
        // PyTorch's exported Conv2d (3 -> 4 channels, 3x2 kernels) from the shared ONNX conformance data.
        Path onnx = Path.of("..", "..", "shared", "conformance", "onnx-pytorch-converted", "test_Conv2d", "model.onnx");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(onnx), "ONNX conformance data is not here");
        Result f = run("viz", "filters", onnx.toString(), "--out", dir.resolve("of.png").toString(), "--json");
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(f.lastLine()).contains("\"filters\":4");
        Result p = run("viz", "patterns", onnx.toString(), "--layer", "conv_0", "--steps", "20", "--out", dir.resolve("op.png").toString(), "--json");
        assertThat(p.code()).as(p.err()).isZero();
        String line = p.lastLine();
        double start = Double.parseDouble(line.replaceAll(".*\"mean_start_score\":([-0-9.eE]+).*", "$1"));
        double end = Double.parseDouble(line.replaceAll(".*\"mean_final_score\":([-0-9.eE]+).*", "$1"));
        assertThat(end).as("gradient ascent through the imported Conv raises its filters").isGreaterThan(start + 0.1);
    }

    @Test
    void errorsAreOneClearLine() {
        Result r = run("viz", "patterns", model.toString(), "--layer", "conv7");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("has no layer \"conv7\"").contains("conv2d");
        Result bad = run("viz", "gradcam", dir.resolve("missing.beak").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err().strip()).doesNotContain("\n").contains("missing.beak");
    }
}
