package dev.beak.keras;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beak.data.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Truncated, corrupted, oversized and unsupported files fail with one DataFileException naming the file. */
class KerasBadFileTest {
    private static final KerasFixture CONV = KerasFixture.of("conv_sequential");

    @Test
    void truncatedFilesOfEachFormatFailNamingTheFile(@TempDir Path dir) throws IOException {
        for (Path source : new Path[] {CONV.h5(), CONV.keras()}) {
            byte[] all = Files.readAllBytes(source);
            for (int keep : new int[] {all.length / 2, all.length - 7, 12}) {
                Path cut = dir.resolve(keep + "-" + source.getFileName());
                Files.write(cut, Arrays.copyOf(all, keep));
                assertThatThrownBy(() -> KerasImporter.load(cut)).isInstanceOf(DataFileException.class).hasMessageStartingWith(cut.toString());
            }
        }
    }

    /** Bytes overwritten anywhere in an HDF5 file give a DataFileException or, where they hit weight values, a model; nothing else. */
    @Test
    void corruptedHdf5NeverEscapesAsAnotherException(@TempDir Path dir) throws IOException {
        byte[] all = Files.readAllBytes(CONV.h5());
        for (int at = 0; at < all.length; at += all.length / 40) {
            byte[] bad = all.clone();
            for (int i = at; i < Math.min(bad.length, at + 16); i++) bad[i] = (byte) (bad[i] ^ 0x5a);
            Path p = dir.resolve("bad-" + at + ".h5");
            Files.write(p, bad);
            Throwable t = catchThrowable(() -> KerasImporter.load(p));
            if (t != null) assertThat(t).as("corruption at byte %d", at).isInstanceOf(DataFileException.class).hasMessageStartingWith(p.toString());
        }
    }

    @Test
    void declaredSizesAreCheckedBeforeReading(@TempDir Path dir) throws IOException {
        Path huge = KerasFixture.ROOT.resolve("hostile/huge_weight.h5");
        assertThat(Files.size(huge)).isLessThan(100_000);
        assertThatThrownBy(() -> KerasImporter.load(huge)).isInstanceOf(DataFileException.class).hasMessageContaining("declares more than");

        Path folder = copyTfjs(dir.resolve("big"));
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(folder.resolve("model.json").toFile());
        ((ObjectNode) json.get("weightsManifest").get(0).get("weights").get(0)).putArray("shape").add(65536).add(65536);
        new ObjectMapper().writeValue(folder.resolve("model.json").toFile(), json);
        assertThatThrownBy(() -> KerasImporter.load(folder.resolve("model.json"))).isInstanceOf(DataFileException.class)
                .hasMessageContaining("model.json").hasMessageContaining("declares more than");
    }

    /** Found by beak-fuzz (keras-h5): an object header whose declared size jHDF used to allocate (OutOfMemoryError under -Xmx512m). */
    @Test
    void corruptHdf5HeaderSizesAreRefusedNotAllocated() {
        Path bad = KerasFixture.ROOT.resolve("hostile/object_header_size.h5");
        assertThatThrownBy(() -> KerasImporter.load(bad)).isInstanceOf(DataFileException.class).hasMessageStartingWith(bad.toString())
                .hasMessageContaining("model_weights/conv");
    }

    /** Found by beak-fuzz (keras-tfjs): layer sizes from the configuration are checked against the weights before anything is allocated. */
    @Test
    void configurationSizesAreCheckedAgainstTheWeightsBeforeBuilding(@TempDir Path dir) throws IOException {
        Path units = copyTfjs(dir.resolve("units")).resolve("model.json");
        Files.writeString(units, Files.readString(units).replace("\"units\":7,", "\"units\":7000000,"));
        assertThatThrownBy(() -> KerasImporter.load(units)).isInstanceOf(DataFileException.class).hasMessageStartingWith(units.toString())
                .hasMessageContaining("the layers need ").hasMessageContaining("weight values but the file gives");

        Path input = copyTfjs(dir.resolve("input")).resolve("model.json");
        Files.writeString(input, Files.readString(input).replace("\"batch_input_shape\":[null,10,11,3]", "\"batch_input_shape\":[null,2000,2000,3]"));
        assertThatThrownBy(() -> KerasImporter.load(input)).isInstanceOf(DataFileException.class).hasMessageStartingWith(input.toString())
                .hasMessageContaining("layer fc1: its kernel has 36 rows but the flattened input (6, 499, 500) has 1497000 values");
    }

    @Test
    void tfjsShardsMustHoldWhatTheManifestSaysAndStayInTheFolder(@TempDir Path dir) throws IOException {
        Path short_ = copyTfjs(dir.resolve("short"));
        byte[] w = Files.readAllBytes(short_.resolve("weights.bin"));
        Files.write(short_.resolve("weights.bin"), Arrays.copyOf(w, w.length - 4));
        assertThatThrownBy(() -> KerasImporter.load(short_.resolve("model.json"))).hasMessageContaining("hold " + (w.length - 4) + " bytes, the manifest needs " + w.length);

        Path escape = copyTfjs(dir.resolve("escape"));
        String text = Files.readString(escape.resolve("model.json")).replace("\"weights.bin\"", "\"../../weights.bin\"");
        Files.writeString(escape.resolve("model.json"), text);
        assertThatThrownBy(() -> KerasImporter.load(escape.resolve("model.json"))).hasMessageContaining("outside the model's folder");
    }

    @Test
    void unsupportedLayersFailNamingLayerClassAndFile(@TempDir Path dir) throws IOException {
        for (String cls : new String[] {"Lambda", "Embedding", "MyCustomLayer"}) {
            Path folder = copyTfjs(dir.resolve(cls));
            String text = Files.readString(folder.resolve("model.json")).replace("\"class_name\":\"Activation\"", "\"class_name\":\"" + cls + "\"");
            Files.writeString(folder.resolve("model.json"), text);
            Throwable t = catchThrowable(() -> KerasImporter.load(folder.resolve("model.json")));
            assertThat(t).isInstanceOf(DataFileException.class).hasMessageStartingWith(folder.resolve("model.json").toString())
                    .hasMessageContaining("layer act_tanh (" + cls + ")");
        }
        Path folder = dir.resolve("Embedding").resolve("model.json");
        assertThatThrownBy(() -> KerasImporter.load(folder)).hasMessageContaining("layer act_tanh (Embedding) needs weights [embeddings], the file has 0");
    }

    @Test
    void embeddingWhoseTableDisagreesWithItsConfigFailsNamingTheLayer(@TempDir Path dir) throws IOException {
        for (String f : new String[] {"model.json", "weights.bin"}) Files.copy(KerasFixture.of("text_cnn").folder().resolve(f), dir.resolve(f));
        Path json = dir.resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"input_dim\":50", "\"input_dim\":40"));
        assertThatThrownBy(() -> KerasImporter.load(json)).isInstanceOf(DataFileException.class).hasMessageStartingWith(json.toString())
                .hasMessageContaining("layer embed (Embedding): embeddings has shape [50, 8], expected [40, 8]");
    }

    @Test
    void filesThatAreNoKerasModelSayWhatTheyAre(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.h5");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> KerasImporter.load(text)).isInstanceOf(DataFileException.class).hasMessageContaining("neither an HDF5 file");
        Path badJson = dir.resolve("model.json");
        Files.writeString(badJson, "{\"modelTopology\": [1, 2");
        assertThatThrownBy(() -> KerasImporter.load(badJson)).isInstanceOf(DataFileException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> KerasImporter.load(dir.resolve("missing.keras"))).isInstanceOf(DataFileException.class).hasMessageContaining("no such file");
    }

    private static Path copyTfjs(Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : new String[] {"model.json", "weights.bin"}) Files.copy(CONV.folder().resolve(f), to.resolve(f));
        return to;
    }
}
