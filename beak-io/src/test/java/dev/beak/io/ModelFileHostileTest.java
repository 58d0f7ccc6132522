package dev.beak.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beak.data.DataFileException;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small crafted model files that declare far more than they hold: refused before anything large is allocated. */
class ModelFileHostileTest {
    @TempDir Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void aTinyFileDeclaringA46000By46000DenseLayerIsRefusedBeforeBuilding() throws IOException {
        Path f = dir.resolve("small.beak");
        ModelFile.save(Sequential.of(Layers.dense(3)).seed(1).withInputShape(5), f);
        Map<String, Object> json;
        byte[] weights;
        try (ZipFile zip = new ZipFile(f.toFile())) {
            json = new ObjectMapper().readValue(zip.getInputStream(zip.getEntry("model.json")), Map.class);
            weights = zip.getInputStream(zip.getEntry("weights.safetensors")).readAllBytes();
        }
        json.put("input_shapes", List.of(List.of(46_000)));
        ((Map<String, Object>) ((Map<String, Object>) ((List<Object>) json.get("layers")).get(0)).get("config")).put("units", 46_000);
        Path bad = write("huge.beak", Map.of("model.json", new ObjectMapper().writeValueAsBytes(json), "weights.safetensors", weights));
        assertThatThrownBy(() -> ModelFile.load(bad)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(bad.toString()).hasMessageContaining("need 2,116,046,000 weight values");
    }

    @Test
    void anEntryThatInflatesBeyondTheLimitIsCutOff() throws IOException {
        byte[] padded = ("{" + " ".repeat(4_000_000) + "\"format\":\"beak-model\",\"format_version\":2}").getBytes();
        Path bomb = write("bomb.beak", Map.of("model.json", padded, "weights.safetensors", new byte[0]));
        String old = System.setProperty("beak.limit.inflated", "1000000");
        try {
            assertThatThrownBy(() -> ModelFile.load(bomb)).isInstanceOf(DataFileException.class)
                    .hasMessageContaining("bomb.beak!model.json").hasMessageContaining("-Dbeak.limit.inflated");
        } finally {
            if (old == null) System.clearProperty("beak.limit.inflated"); else System.setProperty("beak.limit.inflated", old);
        }
    }

    @Test
    void nanWeightsAreRefusedAtLoadNamingTheParameter() throws IOException {
        Model m = Sequential.of(Layers.dense(3)).seed(1).withInputShape(5);
        m.state().get("dense.bias").data()[1] = Float.NaN;
        Path f = dir.resolve("nan.beak");
        ModelFile.save(m, f);
        assertThatThrownBy(() -> ModelFile.load(f)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(f.toString()).hasMessageContaining("parameter dense.bias holds NaN (value 1)");
    }

    @Test
    void brokenJsonNamesTheFile() throws IOException {
        Path bad = write("broken.beak", Map.of("model.json", "{\"format\": [".getBytes(), "weights.safetensors", new byte[0]));
        assertThatThrownBy(() -> ModelFile.load(bad)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(bad.toString()).hasMessageContaining("bad model.json");
    }

    private Path write(String name, Map<String, byte[]> entries) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
            }
        }
        return p;
    }
}
