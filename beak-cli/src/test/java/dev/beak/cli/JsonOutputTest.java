package dev.beak.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code --json} contract of every command that computes something: stdout is exactly one JSON
 * object (Jackson parses it, with nothing after it), the human text went to stderr, and figures are
 * JSON numbers and lists are JSON arrays, never strings that look like them.
 */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern NUMBER_OR_LIST = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|\\[.*\\]|\\{.*\\}");
    /** Class names are names, even when they are digits (MNIST's folders "0".."9"). */
    private static final Pattern CLASS_NAME = Pattern.compile(".*\\.(class|classes|class_names)(\\[\\d+\\])?");
    private static final Path CONFORMANCE = Path.of("..", "..", "shared", "conformance");

    @TempDir static Path dir;
    static Path model, idx, png;

    @BeforeAll
    static void tinyModelAndData() throws Exception {
        TensorDataset train = EmbeddedMnist.train().slice(0, 300), test = EmbeddedMnist.test().slice(0, 100);
        Model m = Sequential.of(Layers.conv2d(4, 5).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2),
                Layers.flatten(), Layers.dense(10)).seed(1).withInputShape(1, 28, 28);
        m.compile(new Adam(3e-3), new CrossEntropy());
        History h = m.fit(train, FitOptions.epochs(1).batchSize(32).validation(test));
        model = dir.resolve("tiny.beak");
        ModelFile.save(m, model);
        Files.writeString(TrainingRun.historyPath(model), h.toCsv());
        idx = Files.createDirectories(dir.resolve("mnist"));
        CliTest.writeIdx(EmbeddedMnist.train(), 300, idx.resolve("train-images-idx3-ubyte"), idx.resolve("train-labels-idx1-ubyte"));
        CliTest.writeIdx(EmbeddedMnist.test(), 100, idx.resolve("t10k-images-idx3-ubyte"), idx.resolve("t10k-labels-idx1-ubyte"));
        png = dir.resolve("digit.png");
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 8; y < 20; y++) img.getRaster().setSample(14, y, 0, 255);
        ImageIO.write(img, "png", png.toFile());
    }

    /** Runs {@code args}, checks the contract and returns the object. */
    private static JsonNode json(String... args) throws Exception {
        CliRun r = beak(args);
        assertThat(r.code()).as("%s%n%s", String.join(" ", args), r.err()).isZero();
        assertThat(r.out().strip()).as("stdout of %s is one line", args[0]).doesNotContain("\n");
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.isObject()).as(r.out()).isTrue();
        List<String> suspicious = new ArrayList<>();
        collectStringlyTyped(node, "", suspicious);
        assertThat(suspicious).as("numbers or lists written as strings in %s", r.out()).isEmpty();
        return node;
    }

    private static void collectStringlyTyped(JsonNode node, String path, List<String> found) {
        if (node.isTextual() && NUMBER_OR_LIST.matcher(node.textValue().strip()).matches() && !CLASS_NAME.matcher(path).matches()) {
            found.add(path + "=" + node);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) collectStringlyTyped(e.getValue(), path + "." + e.getKey(), found);
        }
        if (node.isArray()) for (int i = 0; i < node.size(); i++) collectStringlyTyped(node.get(i), path + "[" + i + "]", found);
    }

    @Test
    void modelTables() throws Exception {
        JsonNode zoo = json("zoo", "--json");
        assertThat(zoo.get("networks").get(0).get("parameters").isNumber()).isTrue();
        JsonNode summary = json("summary", "lenet5", "--json");
        assertThat(summary.get("parameters").asLong()).isEqualTo(61_706);
        assertThat(summary.get("input_shapes").get(0).isArray()).isTrue();
    }

    @Test
    void trainEvaluateAndPredict() throws Exception {
        Path out = dir.resolve("lenet.beak");
        JsonNode train = json("train", "--model", "lenet5", "--input-shape", "1,28,28", "--data", idx.toString(), "--epochs", "1",
                "--out", out.toString(), "--json");
        assertThat(train.get("test_accuracy").isNumber()).isTrue();
        assertThat(train.get("epochs").asInt()).isEqualTo(1);

        JsonNode evaluate = json("evaluate", model.toString(), "--data", idx.toString(), "--json");
        assertThat(evaluate.get("test_accuracy").doubleValue()).isBetween(0.0, 1.0);
        assertThat(evaluate.get("samples").asInt()).isEqualTo(100);

        JsonNode predict = json("predict", model.toString(), "--data", idx.toString(), "--count", "3", "--json");
        assertThat(predict.get("classes").isArray()).isTrue();
        assertThat(predict.get("classes")).hasSize(3);
        assertThat(predict.get("classes").get(0).isInt()).isTrue();

        JsonNode files = json("predict", model.toString(), png.toString(), "--top", "2", "--json");
        JsonNode top = files.get("predictions").get(0).get("top");
        assertThat(top).hasSize(2);
        assertThat(top.get(0).get("probability").isNumber()).isTrue();
    }

    @Test
    void picturesReportDataAndBench() throws Exception {
        JsonNode curves = json("viz", "curves", model.toString(), "--out", dir.resolve("c.png").toString(), "--json");
        assertThat(curves.get("files").isArray()).isTrue();
        assertThat(curves.get("best_epoch").isInt()).isTrue();
        JsonNode confusion = json("viz", "confusion", model.toString(), "--data", idx.toString(), "--out", dir.resolve("m.png").toString(), "--json");
        assertThat(confusion.get("accuracy").isNumber()).isTrue();
        assertThat(confusion.get("most_confused").isArray()).isTrue();
        JsonNode saliency = json("viz", "saliency", model.toString(), "--image", png.toString(), "--out", dir.resolve("s.png").toString(), "--json");
        assertThat(saliency.get("classes").get(0).isInt()).isTrue();
        JsonNode report = json("report", model.toString(), "--data", idx.toString(), "--out", dir.resolve("report").toString(), "--count", "2", "--json");
        assertThat(report.get("page").isTextual()).isTrue();
        JsonNode inspect = json("data", "inspect", idx.toString(), "--json");
        assertThat(inspect.get("bad_entries").asInt()).isZero();
        JsonNode bench = json("bench", "lenet5", "--reps", "1", "--json");
        assertThat(bench.get("results").get(0).get("median").isNumber()).isTrue();
    }

    @Test
    void onnxCheckAndRun() throws Exception {
        Path relu = CONFORMANCE.resolve("onnx-node").resolve("test_relu");
        assumeTrue(Files.isDirectory(relu), "ONNX conformance data is not here");
        JsonNode check = json("onnx", "check", relu.toString(), "--json");
        assertThat(check.get("passed").asInt()).isEqualTo(1);
        JsonNode run = json("onnx", "run", relu.resolve("model.onnx").toString(), "--input",
                relu.resolve("test_data_set_0").resolve("input_0.pb").toString(), "--json");
        JsonNode output = run.get("outputs").get(0);
        assertThat(output.get("shape").isArray()).isTrue();
        long size = 1;
        for (JsonNode d : output.get("shape")) size *= d.asLong();
        assertThat(output.get("values")).hasSize((int) size);
        for (JsonNode v : output.get("values")) assertThat(v.doubleValue()).isGreaterThanOrEqualTo(0); // ReLU
    }
}
