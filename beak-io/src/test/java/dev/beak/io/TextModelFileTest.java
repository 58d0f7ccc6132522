package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.data.text.Tokenizer;
import dev.beak.data.text.Vocabulary;
import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A text model (embedding, masked max over time) keeps its vocabulary and its outputs through a model file. */
class TextModelFileTest {
    @TempDir Path dir;

    @Test
    void vocabularyAndMaskedTextCnnRoundTrip() throws Exception {
        Vocabulary v = Vocabulary.build(Tokenizer.words(), List.of("the cat sat", "the dog ran", "a cat ran"), 100, 1, 6);
        SymbolicTensor ids = Functional.input(v.length());
        SymbolicTensor conv = ids.then(Layers.embedding(v.size(), 5).withPaddingIndex(Vocabulary.PADDING))
                .then(Layers.conv1d(4, 3).withPadding(Padding.SAME).withActivation(Activation.RELU));
        SymbolicTensor pooled = Functional.apply(Layers.globalMaxPool(), conv, ids.then(Layers.paddingMask(Vocabulary.PADDING)));
        Model m = Functional.model("text", List.of(ids), List.of(pooled.then(Layers.dense(2))), 3);
        Tensor x = v.encodeAll(List.of("the cat ran", "a dog sat the cat"));
        Tensor before = m.forward(x, false);
        Path file = dir.resolve("text.beak");
        ModelFile.save(new SavedModel(m, Map.of(), null, List.of("en", "de"), null, null, v), file);
        SavedModel back = ModelFile.load(file);
        assertThat(back.vocabulary()).isEqualTo(v);
        assertThat(back.model().forward(back.vocabulary().encodeAll(List.of("the cat ran", "a dog sat the cat")), false).data())
                .containsExactly(before.data());

        String json = new String(ModelFile.readEntry(file, "model.json").orElseThrow());
        Path bad = dir.resolve("bad.beak");
        ModelFile.save(new SavedModel(m, Map.of(), null, List.of(), null, null, new Vocabulary(Tokenizer.characters(), List.of("a"), 3)), bad);
        String badJson = new String(ModelFile.readEntry(bad, "model.json").orElseThrow()).replaceFirst("\"level\"\\s*:\\s*\"character\"", "\"level\": \"syllable\"");
        rewrite(bad, badJson);
        assertThatThrownBy(() -> ModelFile.load(bad)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("\"vocabulary\": \"level\" must be \"character\" or \"word\", got syllable");
        assertThat(json.replaceAll("\\s", "")).contains("\"vocabulary\":{\"level\":\"word\",\"lowercase\":true,\"length\":6,\"tokens\":[");
    }

    /** Replaces model.json in a model file, keeping the other entries. */
    private static void rewrite(Path file, String json) throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
        }
        entries.put("model.json", json.getBytes());
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }
}
