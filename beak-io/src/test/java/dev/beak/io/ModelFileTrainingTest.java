package dev.beak.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beak.data.DataFileException;
import dev.beak.data.image.ColorMode;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.data.preprocess.Rescale;
import dev.beak.nn.CompileConfig;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.TrainingSettings;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.BinaryCrossEntropy;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.loss.Reduction;
import dev.beak.nn.metric.Metric;
import dev.beak.nn.optim.Sgd;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a model needs besides its weights travels in its file: training settings, loss and metrics, input geometry. */
class ModelFileTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InputGeometry GEOMETRY = InputGeometry.of(9, 10, ColorMode.RGB, ResizeMode.STRETCH, InputRange.UNIT).withCenterCrop(8, 8);

    @TempDir Path dir;

    private static Model model() {
        return Sequential.of(Layers.conv2d(4, 3).withActivation(Activation.RELU), Layers.flatten(), Layers.dense(6, Activation.RELU),
                Layers.dense(3)).named("small").seed(2).withInputShape(3, 8, 8);
    }

    private Path saveFull() throws IOException {
        Model m = model().freezeUpTo("flatten").setLearningRateMultiplier("dense_1", 4)
                .compile(new Sgd(0.1), new BinaryCrossEntropy(false, Reduction.SUM), Metric.topK(2));
        Path f = dir.resolve("full.beak");
        ModelFile.save(new SavedModel(m, Map.of(), new Preprocessing(List.of(Rescale.of255())), List.of("a", "b", "c"), GEOMETRY, null), f);
        return f;
    }

    @Test
    void everythingRoundTrips() throws IOException {
        SavedModel back = ModelFile.load(saveFull());
        Model m = back.model();
        assertThat(m.trainingSettings()).isEqualTo(new TrainingSettings(List.of("conv2d", "flatten"), Map.of("dense_1", 4.0)));
        assertThat(m.isTrainable("conv2d")).isFalse();
        assertThat(m.parameters().get("conv2d.weight").requiresGrad()).isFalse();
        assertThat(m.trainableParameters()).containsOnlyKeys("dense.weight", "dense.bias", "dense_1.weight", "dense_1.bias");
        assertThat(back.compileConfig()).isEqualTo(new CompileConfig(new BinaryCrossEntropy(false, Reduction.SUM), List.of(Metric.topK(2))));
        assertThat(back.inputGeometry()).isEqualTo(GEOMETRY);
        assertThat(back.classNames()).containsExactly("a", "b", "c");
        assertThat(m.compileConfig()).as("the loaded model itself is not compiled: it has no optimizer").isEmpty();
    }

    @Test
    void modelJsonNamesTheEntries() throws IOException {
        Map<String, Object> json = modelJson(saveFull());
        assertThat(json.get("training")).isEqualTo(Map.of("frozen", List.of("conv2d", "flatten"), "learning_rate_multipliers", Map.of("dense_1", 4.0)));
        assertThat(json.get("compile")).isEqualTo(Map.of("loss", Map.of("type", "binary_cross_entropy", "from_logits", false, "reduction", "sum"),
                "metrics", List.of("top_2_accuracy")));
        assertThat(json.get("input_geometry")).isEqualTo(Map.of("height", 9, "width", 10, "color", "rgb", "resize", "stretch",
                "center_crop", List.of(8, 8), "input_range", List.of(0, 1)));
    }

    @Test
    void olderFilesWithoutTheEntriesLoadAsBefore() throws IOException {
        Path f = rewrite(saveFull(), "old.beak", j -> {
            j.remove("training");
            j.remove("compile");
            j.remove("input_geometry");
        });
        SavedModel back = ModelFile.load(f);
        assertThat(back.model().trainingSettings()).isEqualTo(TrainingSettings.NONE);
        assertThat(back.compileConfig()).isNull();
        assertThat(back.inputGeometry()).isNull();
        Tensor x = Tensor.randn(new java.util.SplittableRandom(3), 2, 3, 8, 8);
        assertThat(back.model().predict(x, 2).data()).containsExactly(ModelFile.load(saveFull()).model().predict(x, 2).data());
    }

    @Test
    void aCustomLossIsNotStored() throws IOException {
        Loss custom = new Loss() {
            @Override public Tensor compute(Tensor output, Tensor labels) { return output; }
            @Override public String name() { return "mine"; }
        };
        Path f = dir.resolve("custom.beak");
        ModelFile.save(model().compile(new Sgd(0.1), custom), f);
        assertThat(modelJson(f)).doesNotContainKey("compile");
        assertThat(ModelFile.load(f).compileConfig()).isNull();
    }

    @Test
    void badEntriesNameTheFileAndTheEntry() throws IOException {
        Path full = saveFull();
        Map<String, Consumer<Map<String, Object>>> damage = new LinkedHashMap<>();
        damage.put("\"training\": no layer is called \"conv9\"", j -> j.put("training", Map.of("frozen", List.of("conv9"))));
        damage.put("\"training\": learning-rate multiplier of dense must be a number", j -> j.put("training",
                Map.of("learning_rate_multipliers", Map.of("dense", "fast"))));
        damage.put("\"compile\": unknown loss type \"huber\"", j -> j.put("compile", Map.of("loss", Map.of("type", "huber"))));
        damage.put("\"compile\": unknown metric \"f1\"", j -> j.put("compile", Map.of("loss", Map.of("type", "cross_entropy"), "metrics", List.of("f1"))));
        damage.put("\"input_geometry\": \"input_range\" must be [0, 255] or [0, 1]", j -> input(j).put("input_range", List.of(0, 2)));
        damage.put("\"input_geometry\": \"color\" must be one of [grey, rgb], got cmyk", j -> input(j).put("color", "cmyk"));
        damage.put("\"input_geometry\": centre crop 12x8 must fit", j -> input(j).put("center_crop", List.of(12, 8)));
        int i = 0;
        for (var e : damage.entrySet()) {
            Path bad = rewrite(full, "bad" + i++ + ".beak", e.getValue());
            assertThatThrownBy(() -> ModelFile.load(bad)).isInstanceOf(DataFileException.class)
                    .hasMessageContaining(bad.toString()).hasMessageContaining(e.getKey());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> input(Map<String, Object> json) {
        return (Map<String, Object>) json.get("input_geometry");
    }

    private static Map<String, Object> modelJson(Path f) throws IOException {
        try (ZipFile zip = new ZipFile(f.toFile())) {
            return JSON.readValue(zip.getInputStream(zip.getEntry("model.json")), new TypeReference<>() {});
        }
    }

    /** A copy of {@code f} under {@code name} whose model.json was changed by {@code edit}. */
    private Path rewrite(Path f, String name, Consumer<Map<String, Object>> edit) throws IOException {
        Map<String, Object> json = modelJson(f);
        edit.accept(json);
        byte[] weights;
        try (ZipFile zip = new ZipFile(f.toFile())) {
            weights = zip.getInputStream(zip.getEntry("weights.safetensors")).readAllBytes();
        }
        Path out = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("model.json"));
            z.write(JSON.writeValueAsBytes(json));
            z.putNextEntry(new ZipEntry("weights.safetensors"));
            z.write(weights);
        }
        return out;
    }
}
