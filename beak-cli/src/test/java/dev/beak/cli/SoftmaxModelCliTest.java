package dev.beak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beak.data.EmbeddedMnist;
import dev.beak.data.Mnist;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.ModelFile;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code beak evaluate} and {@code beak train} on a model that already ends in a softmax (as Keras and ONNX
 * classifiers do) report the cross-entropy of its probabilities, computed here by hand from its outputs.
 */
class SoftmaxModelCliTest {
    @TempDir Path dir;

    /**
     * A saved softmax classifier with no compile config (a trained linear model's weights, so that its
     * probabilities are far from uniform), and IDX data cut from the embedded sample.
     */
    private Path softmaxModel() throws IOException {
        Model logits = Sequential.of(Layers.flatten(), Layers.dense(10)).seed(4).withInputShape(1, 28, 28)
                .compile(new Adam(1e-2), new CrossEntropy());
        logits.fit(EmbeddedMnist.train().slice(0, 1000), FitOptions.epochs(2).batchSize(50).verbose(0));
        Model m = Sequential.of(Layers.flatten(), Layers.dense(10), Layers.softmax()).seed(4).withInputShape(1, 28, 28);
        logits.parameters().forEach((name, t) -> System.arraycopy(t.data(), 0, m.parameters().get(name).data(), 0, t.size()));
        Path file = dir.resolve("softmax.beak");
        ModelFile.save(m, file);
        Path data = Files.createDirectories(dir.resolve("mnist"));
        CliTest.writeIdx(EmbeddedMnist.train(), 200, data.resolve("train-images-idx3-ubyte"), data.resolve("train-labels-idx1-ubyte"));
        CliTest.writeIdx(EmbeddedMnist.test(), 150, data.resolve("t10k-images-idx3-ubyte"), data.resolve("t10k-labels-idx1-ubyte"));
        return file;
    }

    /** mean over the test images of -log p[label] (clipped at 1e-7) from the saved model's outputs. */
    private double byHand(Path model) throws IOException {
        TensorDataset test = Mnist.loadDir(dir.resolve("mnist"), "test");
        float[] p = ModelFile.load(model).model().predict(test.x(), 64).data(), y = test.y().data();
        double sum = 0;
        for (int i = 0; i < test.size(); i++) sum -= Math.log(Math.clamp(p[i * 10 + (int) y[i]], 1e-7, 1 - 1e-7));
        return sum / test.size();
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void evaluateReportsTheCrossEntropyOfTheProbabilities() throws IOException {
        Path model = softmaxModel();
        CliRun r = beak("evaluate", model.toString(), "--data", dir.resolve("mnist").toString(), "--json");
        double expected = byHand(model);
        assertThat(json(r).get("test_loss").asDouble()).isCloseTo(expected, within(1e-4));
        assertThat(expected).as("far from the loss of a second softmax, which stays near log 10").isLessThan(1.0);
        assertThat(r.err()).contains("(sparse_categorical_cross_entropy)").as("off a terminal the progress bar stays silent").doesNotContain("\r");
    }

    @Test
    void predictShowsTheModelsOwnProbabilities() throws IOException {
        Path model = softmaxModel();
        CliRun r = beak("predict", model.toString(), "--data", dir.resolve("mnist").toString(), "--count", "1");
        assertThat(r.code()).as(r.err()).isZero();
        TensorDataset test = Mnist.loadDir(dir.resolve("mnist"), "test");
        float[] p = ModelFile.load(model).model().predict(test.slice(0, 1).x(), 1).data();
        int best = 0;
        for (int c = 1; c < 10; c++) if (p[c] > p[best]) best = c;
        assertThat(r.out()).as("not a softmax of the softmax").startsWith(String.format(java.util.Locale.ROOT, "image 0: class %d (p=%.4f)", best, p[best]));
    }

    @Test
    void trainingWithVanishingStepsReportsTheSameLossAndSavesIt() throws IOException {
        Path model = softmaxModel(), out = dir.resolve("trained.beak");
        CliRun r = beak("train", "--model", model.toString(), "--data", dir.resolve("mnist").toString(), "--epochs", "1",
                "--lr", "1e-30", "--out", out.toString(), "--json");
        assertThat(json(r).get("test_loss").asDouble()).as("lr 1e-30 leaves the weights as they were").isCloseTo(byHand(model), within(1e-4));
        assertThat(ModelFile.load(out).compileConfig().loss().name()).isEqualTo("sparse_categorical_cross_entropy");
        CliRun again = beak("evaluate", out.toString(), "--data", dir.resolve("mnist").toString(), "--json");
        assertThat(json(again).get("test_loss").asDouble()).isCloseTo(byHand(model), within(1e-4));
    }
}
