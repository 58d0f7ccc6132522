package dev.beak.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beak.io.ModelFile;
import dev.beak.spark.cli.SparkMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code beak spark train|predict --json} follow every beak command's --json (the shared output group of
 * beak-command): stdout is one JSON object and nothing else, figures are numbers, the text went to stderr.
 */
class SparkJsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    record Run(int code, String out, String err) {}

    /** Runs {@code beak spark ARGS} in this JVM (on the tests' local Spark, which the command stops: LocalSpark starts a new one). */
    private static synchronized Run spark(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = SparkMain.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static JsonNode json(Run r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).as("stdout is one line").doesNotContain("\n");
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.isObject()).as(r.out()).isTrue();
        return node;
    }

    @Test
    void trainAndPredictPrintOneJsonObject(@TempDir Path dir) throws Exception {
        Path images = dir.resolve("digits");
        PredictionTest.writeDigits(images, 48);
        Path start = dir.resolve("small.beak"), model = dir.resolve("m.beak");
        ModelFile.save(GradientAveragingTest.network(), start); // a small network keeps the test to Spark's own start-up
        long t0 = System.nanoTime();
        Run train = spark("train", "--master", "local[2]", "--partitions", "2", "--model", start.toString(), "--data", images.toString(),
                "--epochs", "1", "--batch-size", "16", "--out", model.toString(), "--json");
        System.out.printf("spark train: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        JsonNode t = json(train);
        assertThat(train.err()).contains("Epoch 1/1").contains("model saved to " + model);
        assertThat(t.get("epochs").isInt()).isTrue();
        assertThat(t.get("rounds").asInt()).isEqualTo(3);
        assertThat(t.get("train_images_per_s").isNumber()).isTrue();
        assertThat(t.get("partitions").asInt()).isEqualTo(2);
        assertThat(t.get("model").asText()).isEqualTo(model.toString());

        t0 = System.nanoTime();
        Run predict = spark("predict", "--master", "local[2]", "--model", model.toString(), "--images", images.toString(), "--top", "2", "--json");
        System.out.printf("spark predict: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        JsonNode p = json(predict);
        assertThat(p.get("images").asInt()).isEqualTo(48);
        JsonNode top = p.get("predictions").get(0).get("top");
        assertThat(top).hasSize(2);
        assertThat(top.get(0).get("probability").isNumber()).isTrue();
        assertThat(top.get(0).get("class").isInt()).isTrue();
        assertThat(predict.err()).contains("Scored 48 images");
    }
}
