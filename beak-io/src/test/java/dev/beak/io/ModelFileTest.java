package dev.beak.io;

import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.zoo.SeedNetworks;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFileTest {
    @TempDir Path dir;

    private static Model trainedLookingModel() {
        Model m = Sequential.of(Layers.conv2d(4, 3).withPadding(new Padding.Explicit(1, 0, 2, 1)).withActivation(Activation.RELU),
                Layers.maxPool2d(2), Layers.flatten(), Layers.dropout(0.3f), Layers.dense(5, Activation.RELU), Layers.dense(3))
                .named("tiny").seed(11).withInputShape(2, 6, 7);
        // Perturb every weight so that biases are not all zero and nothing matches a fresh initialisation.
        SplittableRandom rng = new SplittableRandom(5);
        for (Tensor p : m.parameters().values()) for (int i = 0; i < p.size(); i++) p.data()[i] += (float) rng.nextGaussian() * 0.1f;
        return m;
    }

    @Test
    void roundTripGivesIdenticalPredictions() throws IOException {
        Model m = trainedLookingModel();
        Path f = dir.resolve("sub/tiny.beak");
        ModelFile.save(m, f, Map.of("test_accuracy", "0.5"));
        SavedModel loaded = ModelFile.load(f);
        Tensor x = Tensor.randn(new SplittableRandom(1), 4, 2, 6, 7);
        assertThat(loaded.model().predict(x, 3).data()).containsExactly(m.predict(x, 3).data());
        assertThat(loaded.model().summary()).isEqualTo(m.summary());
        assertThat(loaded.metadata()).containsEntry("test_accuracy", "0.5");
        assertThat(loaded.model().seed()).isEqualTo(11);
    }

    @Test
    void seedNetworksRoundTrip() throws IOException {
        for (Model m : new Model[] {SeedNetworks.mnist().withInputShape(SeedNetworks.mnistInput()),
                SeedNetworks.cifar().withInputShape(SeedNetworks.cifarInput())}) {
            Path f = dir.resolve(m.name() + ".beak");
            ModelFile.save(m, f);
            Model back = ModelFile.load(f).model();
            assertThat(back.parameters().keySet()).containsExactlyElementsOf(m.parameters().keySet());
            for (var e : m.parameters().entrySet()) {
                // Arrays.mismatch, not AssertJ's containsExactly: its diff is quadratic on 3M-element arrays.
                assertThat(java.util.Arrays.mismatch(back.parameters().get(e.getKey()).data(), e.getValue().data()))
                        .as("first differing index of %s", e.getKey()).isEqualTo(-1);
            }
        }
    }

    @Test
    void batchNormRunningStatisticsAreSavedAndLoaded() throws IOException {
        Model m = Sequential.of(Layers.conv2d(3, 3), Layers.batchNorm2d(), Layers.flatten(), Layers.dense(2))
                .seed(2).withInputShape(1, 5, 5);
        // One training-mode pass moves the running statistics away from their initial zeros and ones.
        m.forward(Tensor.randn(new SplittableRandom(3), 4, 1, 5, 5), true);
        assertThat(m.buffers()).containsKeys("batch_norm.running_mean", "batch_norm.running_var");
        Path f = dir.resolve("bn.beak");
        ModelFile.save(m, f);
        Model back = ModelFile.load(f).model();
        assertThat(back.buffers().get("batch_norm.running_mean").data()).containsExactly(m.buffers().get("batch_norm.running_mean").data());
        assertThat(back.buffers().get("batch_norm.running_var").data()).containsExactly(m.buffers().get("batch_norm.running_var").data());
        Tensor x = Tensor.randn(new SplittableRandom(4), 2, 1, 5, 5);
        assertThat(back.predict(x, 2).data()).containsExactly(m.predict(x, 2).data());
        assertThat(m.summary()).contains("Non-trainable params: 6");
    }

    @Test
    void preprocessingAndClassNamesTravelWithTheModel() throws IOException {
        Model m = trainedLookingModel();
        var rng = new SplittableRandom(8);
        var train = new dev.beak.dataset.TensorDataset(Tensor.randn(rng, 40, 2, 6, 7), Tensor.zeros(40));
        var pre = dev.beak.data.preprocess.Preprocessing.fit(train, java.util.List.of(
                dev.beak.data.preprocess.PreprocessKind.STANDARDIZE, dev.beak.data.preprocess.PreprocessKind.ZCA), 1e-2);
        Path f = dir.resolve("pre.beak");
        ModelFile.save(new SavedModel(m, Map.of(), pre, java.util.List.of("cat", "dog", "bird")), f);
        SavedModel back = ModelFile.load(f);
        assertThat(back.classNames()).containsExactly("cat", "dog", "bird");
        assertThat(back.preprocessing().steps()).extracting(p -> p.type()).containsExactly("standardize", "zca_whitening");
        Tensor x = Tensor.randn(rng, 3, 2, 6, 7);
        assertThat(back.preprocessing().apply(x).data()).containsExactly(pre.apply(x).data());
        assertThat(back.model().predict(x, 3).data()).containsExactly(m.predict(x, 3).data());
    }

    @Test
    void aFailedSaveLeavesTheOldFileAndNoTemporaryFiles() throws IOException {
        Model m = trainedLookingModel();
        Path f = dir.resolve("m.beak");
        ModelFile.save(m, f);
        byte[] before = Files.readAllBytes(f);
        Model unbuilt = Sequential.of(Layers.dense(2)).lazy();
        assertThatThrownBy(() -> ModelFile.save(unbuilt, f)).hasMessageContaining("not built");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.beak");
        }
    }

    @Test
    void badFilesNameTheFileAndTheProblem() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.beak"), "not a zip");
        assertThatThrownBy(() -> ModelFile.load(junk)).hasMessageStartingWith(junk.toString()).hasMessageContaining("not a Beak model file");

        Path noWeights = zip("noweights.beak", Map.of("model.json", "{\"format\":\"beak-model\",\"format_version\":1}"));
        assertThatThrownBy(() -> ModelFile.load(noWeights)).hasMessageContaining("bad model.json");

        Path newer = zip("newer.beak", Map.of("model.json", "{\"format\":\"beak-model\",\"format_version\":99}"));
        assertThatThrownBy(() -> ModelFile.load(newer)).hasMessageContaining("format version 99 is not supported");

        Path other = zip("other.beak", Map.of("weights.safetensors", ""));
        assertThatThrownBy(() -> ModelFile.load(other)).hasMessageContaining("has no model.json");
    }

    @Test
    void weightsOfTheWrongShapeAreNamed() throws IOException {
        Model m = trainedLookingModel();
        Path f = dir.resolve("m.beak");
        ModelFile.save(m, f);
        // Rewrite the archive with a model.json whose last layer has 4 units instead of 3.
        String json;
        byte[] weights;
        try (var zip = new java.util.zip.ZipFile(f.toFile())) {
            json = new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes());
            weights = zip.getInputStream(zip.getEntry("weights.safetensors")).readAllBytes();
        }
        String changed = json.replace("\"units\" : 3", "\"units\" : 4");
        assertThat(changed).isNotEqualTo(json);
        Path bad = dir.resolve("bad.beak");
        try (OutputStream out = Files.newOutputStream(bad); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("model.json"));
            z.write(changed.getBytes());
            z.putNextEntry(new ZipEntry("weights.safetensors"));
            z.write(weights);
        }
        assertThatThrownBy(() -> ModelFile.load(bad)).hasMessageContaining("dense_1.weight is stored as (5, 3) but the layer needs (5, 4)");
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes());
            }
        }
        return p;
    }
}
