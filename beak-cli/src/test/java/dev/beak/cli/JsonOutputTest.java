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
 * JSON numbers and lists are JSON arrays, never strings that look like them. Every command of
 * {@code beak} either takes --json (from the shared {@link OutputOptions} group) and is run here, or is
 * listed below with the reason it is not: a new command without either fails {@link #everyCommandIsCovered}.
 * ({@code beak spark}'s commands: {@code SparkJsonOutputTest} in beak-spark.)
 */
class JsonOutputTest {
    /** Commands without --json: they compute nothing to report, or run until stopped. */
    private static final Map<String, String> NO_JSON = Map.of(
            "completion", "prints a shell script",
            "dashboard", "a web server that runs until stopped",
            "serve", "a web server that runs until stopped",
            "help", "prints help");
    /** Commands with --json that this suite does not run, and why; the same output group prints their figures. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "demo", "trains the seed-002 CNN on 8,000 digits for at least one epoch (about 20 s); its figures are TrainingRun's, as train's, which runs here",
            "experiment transfer", "pretrains on 60,000 Fashion-MNIST images (minutes); TransferExperimentTest runs its library part on small data",
            "data get", "needs the real files (SHA-256 pinned), so the network; DataCommandTest runs its failures");
    /** The commands run with --json by the tests of this class. */
    private static final java.util.Set<String> RAN = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
        RAN.add(commandOf(args));
        assertThat(r.code()).as("%s%n%s", String.join(" ", args), r.err()).isZero();
        assertThat(r.out().strip()).as("stdout of %s is one line", args[0]).doesNotContain("\n");
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.isObject()).as(r.out()).isTrue();
        List<String> suspicious = new ArrayList<>();
        collectStringlyTyped(node, "", suspicious);
        assertThat(suspicious).as("numbers or lists written as strings in %s", r.out()).isEmpty();
        return node;
    }

    /** The (sub)command {@code args} run: the leading words that name subcommands, "viz curves". */
    private static String commandOf(String... args) {
        picocli.CommandLine cli = new picocli.CommandLine(new Main());
        List<String> words = new ArrayList<>();
        for (String a : args) {
            picocli.CommandLine sub = cli.getSubcommands().get(a);
            if (sub == null) break;
            words.add(a);
            cli = sub;
        }
        return String.join(" ", words);
    }

    /** Every leaf command of beak by its words ("onnx check"), with its picocli model. */
    private static Map<String, picocli.CommandLine> leaves(picocli.CommandLine cli, String prefix, Map<String, picocli.CommandLine> into) {
        for (var e : cli.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) continue; // an alias
            String name = (prefix + " " + e.getKey()).strip();
            if (e.getValue().getSubcommands().isEmpty()) into.put(name, e.getValue());
            else leaves(e.getValue(), name, into);
        }
        return into;
    }

    /** Tests of this class that finished (passed or not): the coverage is checked only when every one of them ran. */
    private static final java.util.concurrent.atomic.AtomicInteger FINISHED = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterEach
    void finished() {
        FINISHED.incrementAndGet();
    }

    @org.junit.jupiter.api.AfterAll
    static void everyCommandIsCovered() {
        long tests = java.util.Arrays.stream(JsonOutputTest.class.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count();
        if (FINISHED.get() < tests) return; // a single test was picked (-Dtest=JsonOutputTest#...)
        Map<String, picocli.CommandLine> all = leaves(new picocli.CommandLine(new Main()), "", new java.util.TreeMap<>());
        List<String> problems = new ArrayList<>();
        for (var e : all.entrySet()) {
            String name = e.getKey();
            boolean json = e.getValue().getCommandSpec().findOption("--json") != null;
            if (NO_JSON.containsKey(name)) {
                if (json) problems.add(name + " takes --json: run it here instead of listing it under NO_JSON");
            } else if (!json) {
                problems.add(name + " has no --json (mix in OutputOptions)");
            } else if (!RAN.contains(name) && !NOT_RUN.containsKey(name)) {
                problems.add(name + " takes --json but no test here runs it");
            }
        }
        assertThat(problems).as("commands run: %s", new java.util.TreeSet<>(RAN)).isEmpty();
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

    @Test
    void convertRunExamplesAndPreview() throws Exception {
        Path onnx = dir.resolve("lenet.onnx");
        JsonNode convert = json("convert", "lenet5", onnx.toString(), "--json");
        assertThat(convert.get("parameters").asLong()).isEqualTo(61_706);
        assertThat(convert.get("bytes").isNumber()).isTrue();
        JsonNode run = json("run", model.toString(), "--input", png.toString(), "--output", dir.resolve("y.npy").toString(), "--json");
        assertThat(run.get("input_shapes").get(0)).hasSize(4);
        assertThat(run.get("outputs").get(0).get("mean").isNumber()).isTrue();
        assertThat(run.get("outputs").get(0).get("shape").get(1).asInt()).isEqualTo(10);
        JsonNode examples = json("example", "list", "--json");
        assertThat(examples.get("examples").isObject()).isTrue();
        JsonNode preview = json("data", "preview", idx.toString(), "--augment", "flip,crop=24", "--out", dir.resolve("preview.png").toString(),
                "--count", "2", "--variants", "3", "--json");
        assertThat(preview.get("images").asInt()).isEqualTo(2);
        assertThat(preview.get("width").asInt()).isEqualTo(24);
        assertThat(preview.get("grid_width").asInt()).isEqualTo(4 * 26 + 2);
    }

    @Test
    void everyPicture() throws Exception {
        String m = model.toString();
        JsonNode activations = json("viz", "activations", m, "--out", dir.resolve("a.png").toString(), "--json");
        assertThat(activations.get("files").isArray()).isTrue();
        json("viz", "filters", m, "--out", dir.resolve("f.png").toString(), "--json");
        json("viz", "patterns", m, "--layer", "conv2d", "--filters", "0,1", "--steps", "3", "--out", dir.resolve("p.png").toString(), "--json");
        json("viz", "classmax", m, "--classes", "3", "--steps", "3", "--out", dir.resolve("cm.png").toString(), "--json");
        json("viz", "gradcam", m, "--count", "2", "--data", idx.toString(), "--out", dir.resolve("g.png").toString(), "--json");
        json("viz", "dream", m, "--layer", "conv2d", "--octaves", "1", "--steps", "2", "--out", dir.resolve("d.png").toString(), "--json");
        json("viz", "style", m, "--iterations", "2", "--out", dir.resolve("st.png").toString(), "--json");
        JsonNode adversarial = json("viz", "adversarial", m, "--samples", "10", "--count", "2", "--data", idx.toString(),
                "--out", dir.resolve("adv.png").toString(), "--json");
        assertThat(adversarial.get("files").isArray()).isTrue();
    }
}
