package dev.beak.fuzz;

import dev.beak.data.DataFileException;
import dev.beak.keras.KerasImporter;
import dev.beak.nn.Model;
import dev.beak.nn.ModelProfile;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Harnesses for beak-keras ({@link KerasImporter#load}): Keras 2 {@code .h5} files, Keras 3
 * {@code .keras} archives (whole, and their config.json inside an intact archive), and TensorFlow.js layers models with either the {@code model.json} or the
 * weight shard mutated. Keras files cannot be made in Java, so the seeds are beak-keras's small test
 * fixtures (written by Keras and TF.js), found from the working directory up. A model that imports is
 * run once on zeros when one sample's inference fits in {@link #RUN_BYTES}.
 */
final class KerasHarnesses {
    private KerasHarnesses() {}

    /** The fixtures the seeds come from (the smallest, covering dense/conv, graphs, nesting, sequences, embeddings). */
    private static final List<String> MODELS = List.of("conv_sequential", "nested", "sequence", "text_cnn", "graph_layers");
    /** TF.js models: the same, and the quantized shards (uint8, uint16). */
    private static final List<String> TFJS_MODELS = List.of("conv_sequential", "conv_sequential_uint8", "conv_sequential_uint16", "nested",
            "sequence", "text_cnn", "graph_layers");
    /** The model whose model.json goes with the mutated shards. */
    private static final String SHARD_MODEL = "conv_sequential_uint8";

    /** The importer's one answer to any bad file. */
    static boolean expected(Throwable t) {
        return t instanceof DataFileException;
    }

    static Harness h5() {
        return file("keras-h5", "model.h5");
    }

    static Harness archive() {
        return file("keras-archive", "model.keras");
    }

    /** The whole file is the input: {@code fileName} of each fixture model. */
    private static Harness file(String name, String fileName) {
        return new Harness() {
            public String name() {
                return name;
            }

            public String fileName() {
                return fileName;
            }

            public List<byte[]> seeds() throws IOException {
                List<byte[]> s = new ArrayList<>();
                for (String m : MODELS) s.add(Files.readAllBytes(fixtures().resolve(m).resolve(fileName)));
                return s;
            }

            public void load(Path file, Path scratch) throws IOException {
                use(KerasImporter.load(file));
            }

            public boolean expected(Throwable t) {
                return KerasHarnesses.expected(t);
            }
        };
    }

    /**
     * A Keras 3 archive's config.json is the input (the raw archive's entries are deflated, so
     * {@link #archive} mostly reaches the zip layer); it is zipped with the model.weights.h5 of the
     * fixture whose name it still carries ({@code "name": "nested"}), or of the first one.
     */
    static Harness kerasConfig() {
        return new Harness() {
            public String name() {
                return "keras-config";
            }

            public List<byte[]> seeds() throws IOException {
                List<byte[]> s = new ArrayList<>();
                for (String m : MODELS) s.add(entry(m, "config.json"));
                return s;
            }

            public void load(Path file, Path scratch) throws IOException {
                String config = Files.readString(file, StandardCharsets.ISO_8859_1);
                String model = MODELS.stream().filter(m -> config.contains("\"name\": \"" + m + "\"")).findFirst().orElse(MODELS.getFirst());
                Path zipped = scratch.resolve("m.keras");
                try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zipped))) {
                    z.putNextEntry(new ZipEntry("config.json"));
                    z.write(Files.readAllBytes(file));
                    z.putNextEntry(new ZipEntry("model.weights.h5"));
                    z.write(entry(model, "model.weights.h5"));
                }
                use(KerasImporter.load(zipped));
            }

            public boolean expected(Throwable t) {
                return KerasHarnesses.expected(t);
            }
        };
    }

    /** Entry {@code name} of fixture {@code model}'s .keras archive. */
    private static byte[] entry(String model, String name) throws IOException {
        try (ZipFile zip = new ZipFile(fixtures().resolve(model).resolve("model.keras").toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    /**
     * The model.json is the input; every fixture's shard is written next to it under the name its
     * seed's manifest was given ({@code MODEL.bin}), so each seed finds its own weights.
     */
    static Harness tfjsJson() {
        return new Harness() {
            public String name() {
                return "keras-tfjs";
            }

            public String fileName() {
                return "model.json";
            }

            public List<byte[]> seeds() throws IOException {
                List<byte[]> s = new ArrayList<>();
                for (String m : TFJS_MODELS) {
                    String json = Files.readString(fixtures().resolve(m).resolve("model.json"));
                    if (!json.contains("\"paths\":[\"weights.bin\"]")) throw new IOException(m + "/model.json: expected one shard weights.bin");
                    s.add(json.replace("\"paths\":[\"weights.bin\"]", "\"paths\":[\"" + m + ".bin\"]").getBytes(StandardCharsets.UTF_8));
                }
                return s;
            }

            public void load(Path file, Path scratch) throws IOException {
                for (String m : TFJS_MODELS) Files.copy(fixtures().resolve(m).resolve("weights.bin"), scratch.resolve(m + ".bin"), StandardCopyOption.REPLACE_EXISTING);
                use(KerasImporter.load(file));
            }

            public boolean expected(Throwable t) {
                return KerasHarnesses.expected(t);
            }
        };
    }

    /** The weight shard is the input, read through the (intact) model.json of a quantized model and of a float32 one. */
    static Harness tfjsShard() {
        return new Harness() {
            public String name() {
                return "keras-tfjs-shard";
            }

            public String fileName() {
                return "weights.bin";
            }

            public List<byte[]> seeds() throws IOException {
                return List.of(Files.readAllBytes(fixtures().resolve(SHARD_MODEL).resolve("weights.bin")),
                        Files.readAllBytes(fixtures().resolve("conv_sequential").resolve("weights.bin")));
            }

            /** A float32 shard is 4x the uint8 one: the input's length picks the model.json it goes with. */
            public void load(Path file, Path scratch) throws IOException {
                long uint8 = Files.size(fixtures().resolve(SHARD_MODEL).resolve("weights.bin"));
                String model = Files.size(file) <= 2 * uint8 ? SHARD_MODEL : "conv_sequential";
                Path json = scratch.resolve("model.json");
                Files.copy(fixtures().resolve(model).resolve("model.json"), json, StandardCopyOption.REPLACE_EXISTING);
                use(KerasImporter.load(json));
            }

            public boolean expected(Throwable t) {
                return KerasHarnesses.expected(t);
            }
        };
    }

    /** beak-keras's fixture folder, from the working directory (the repository or a module in it) up. */
    static Path fixtures() throws IOException {
        for (Path up = Path.of("").toAbsolutePath(); up != null; up = up.getParent()) {
            Path f = up.resolve("beak-keras").resolve("src").resolve("test").resolve("resources").resolve("keras");
            if (Files.isDirectory(f)) return f;
        }
        throw new IOException("beak-keras/src/test/resources/keras not found above " + Path.of("").toAbsolutePath()
                + ": the Keras harnesses' seeds are its fixtures (run from the repository)");
    }

    /**
     * One sample's inference (weights and activations, {@link ModelProfile#inferenceBytes}) up to which
     * an imported model is run: a mutated configuration may declare a valid but huge input (a sequence
     * of millions of tokens), whose activations would measure the model, not the importer.
     */
    static final long RUN_BYTES = 128L << 20;

    /** Runs an imported single-input model once on zeros of its input shape, when that fits in {@link #RUN_BYTES}. */
    private static void use(Model m) {
        if (!m.isBuilt() || m.inputCount() != 1 || ModelProfile.of(m).inferenceBytes(1) > RUN_BYTES) return;
        int[] sample = m.inputShape();
        int[] shape = new int[sample.length + 1];
        shape[0] = 1;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        m.predict(Tensor.zeros(shape), 1);
    }
}
