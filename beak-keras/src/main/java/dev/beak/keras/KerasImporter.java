package dev.beak.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beak.data.DataFileException;
import dev.beak.nn.Model;
import dev.beak.tensor.Limits;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Imports a Keras model as a channels-first Beak {@link Model} of native layers (trainable, saveable
 * as {@code .beak}): a Keras 2 HDF5 file ({@code .h5}: attribute {@code model_config} and group
 * {@code model_weights}), a Keras 3 archive ({@code .keras}: {@code config.json} and
 * {@code model.weights.h5}) or a TensorFlow.js layers model ({@code model.json} with its weight
 * shards, float32 or quantized). The format is told from the file's first bytes.
 *
 * {@snippet :
 * Model model = KerasImporter.load(Path.of("mnist_cnn.h5"));   // input (1, 28, 28), channels first
 * ModelFile.save(model, Path.of("mnist_cnn.beak"));
 * }
 *
 * <p>Any problem with the file (unreadable, truncated, too large a declared size, a layer Beak cannot
 * import) is one {@link DataFileException} naming the file and, where it applies, the layer.
 */
public final class KerasImporter {
    /** At most 64 MiB of JSON configuration. */
    static final long MAX_CONFIG_BYTES = 64L << 20;
    /** At most 2 GiB of weights in one HDF5 file (a Keras 2 file, or one inside an archive). */
    static final long MAX_WEIGHTS_BYTES = Integer.MAX_VALUE - 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private KerasImporter() {}

    /** The file formats this importer reads. */
    public enum Format { KERAS2_H5, KERAS3_ARCHIVE, TFJS_LAYERS }

    /** Whether {@code file}'s name says it is a Keras model: {@code .h5}, {@code .hdf5}, {@code .keras} or a TF.js {@code model.json}. */
    public static boolean handles(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".keras") || n.endsWith("model.json");
    }

    public static Model load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new DataFileException(file.toString(), "no such file");
        try (var cap = Limits.current().capTensors()) {
            return switch (format(file)) {
                case KERAS2_H5 -> fromH5(file);
                case KERAS3_ARCHIVE -> fromArchive(file);
                case TFJS_LAYERS -> fromTfjs(file);
            };
        } catch (KerasFormatException e) {
            throw new DataFileException(file.toString(), e.getMessage(), e);
        } catch (DataFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataFileException(file.toString(), "not a readable Keras model (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** The format of {@code file}, from its first bytes. */
    public static Format format(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 8);
        }
        if (n == 8 && (head[0] & 0xff) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') return Format.KERAS2_H5;
        if (n >= 4 && head[0] == 'P' && head[1] == 'K') return Format.KERAS3_ARCHIVE;
        for (int i = 0; i < n; i++) {
            if (head[i] == '{') return Format.TFJS_LAYERS;
            if (!Character.isWhitespace(head[i])) break;
        }
        throw new DataFileException(file.toString(), "neither an HDF5 file (.h5), a zip archive (.keras) nor a JSON model (TF.js model.json)");
    }

    private static Model fromH5(Path file) throws IOException {
        byte[] head = new byte[(int) Math.min(Files.size(file), 4096)];
        try (InputStream in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, head.length);
        }
        H5Arrays.checkComplete(java.nio.ByteBuffer.wrap(head), Files.size(file), "the file");
        if (Files.size(file) > MAX_WEIGHTS_BYTES) throw new KerasFormatException("the file is larger than the limit " + MAX_WEIGHTS_BYTES + " bytes");
        // Read through a memory map: jHDF then slices the sizes an object header declares instead of
        // allocating them (a corrupt header declaring 2 GB is refused, not an OutOfMemoryError).
        java.nio.MappedByteBuffer mapped;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
        try (HdfFile h5 = HdfFile.fromByteBuffer(mapped)) {
            String[] config = H5Arrays.strings(h5, "model_config");
            if (config == null || config.length != 1) {
                throw new KerasFormatException(h5.getChild("layers") != null || h5.getChild("vars") != null
                        ? "a weights-only file (Keras 3 .weights.h5) has no model configuration; import the .keras archive"
                        : "an HDF5 file without the attribute model_config: not a Keras model file (or saved with weights only)");
            }
            Node weights = h5.getChild("model_weights");
            Group root = weights instanceof Group g ? g : h5;
            return build(json(config[0].getBytes(StandardCharsets.UTF_8), "model_config"), new LegacyH5Weights(root));
        }
    }

    private static Model fromArchive(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode config = json(entry(zip, "config.json", MAX_CONFIG_BYTES), "config.json");
            byte[] weights = entry(zip, "model.weights.h5", MAX_WEIGHTS_BYTES);
            H5Arrays.checkComplete(java.nio.ByteBuffer.wrap(weights), weights.length, "model.weights.h5");
            try (HdfFile h5 = HdfFile.fromBytes(weights)) {
                return build(config, new Keras3Weights(h5));
            }
        }
    }

    private static Model fromTfjs(Path file) throws IOException {
        if (Files.size(file) > MAX_CONFIG_BYTES) throw new KerasFormatException("the JSON file is larger than " + MAX_CONFIG_BYTES + " bytes");
        JsonNode root = json(Files.readAllBytes(file), "model.json");
        JsonNode topology = root.get("modelTopology");
        if (topology == null) throw new KerasFormatException("no modelTopology: not a TensorFlow.js layers model (a graph model cannot be imported here)");
        JsonNode model = topology.has("model_config") ? topology.get("model_config") : topology;
        Path folder = file.toAbsolutePath().getParent();
        return build(model, TfjsWeights.read(root.get("weightsManifest"), folder));
    }

    private static Model build(JsonNode model, KerasWeights weights) {
        return new KerasGraphBuilder(weights).build(KerasTopology.parse(model));
    }

    private static byte[] entry(ZipFile zip, String name, long limit) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) throw new KerasFormatException("the archive has no " + name + " (not a Keras 3 .keras file)");
        if (e.getSize() > limit) throw new KerasFormatException(name + " declares " + e.getSize() + " bytes, more than the limit " + limit);
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) throw new KerasFormatException(name + " is larger than the limit " + limit);
            if (e.getSize() >= 0 && bytes.length != e.getSize()) throw new KerasFormatException(name + " is truncated (" + bytes.length + " of " + e.getSize() + " bytes)");
            return bytes;
        }
    }

    private static JsonNode json(byte[] bytes, String what) {
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new KerasFormatException(what + " is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new KerasFormatException(what + " could not be read (" + e.getMessage() + ")");
        }
    }
}
