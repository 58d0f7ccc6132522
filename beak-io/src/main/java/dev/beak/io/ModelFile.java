package dev.beak.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.beak.data.BoundedInputStream;
import dev.beak.data.DataFileException;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.nn.GraphNode;
import dev.beak.nn.Model;
import dev.beak.nn.ModelProfile;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.LayerTypes;
import dev.beak.tensor.Limits;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Beak's model file: one zip holding {@code model.json} (format version, architecture as layer
 * configs and graph wiring, input shapes, metadata, fitted preprocessing, class names, input geometry,
 * per-layer training settings, loss and metrics) and
 * {@code weights.safetensors} (every parameter
 * and buffer by qualified name, {@code conv2d.weight}, {@code batch_norm.running_mean}, in the
 * safetensors layout that Python tools read).
 * Written atomically: a crash never leaves half a file. Never Java serialization.
 */
public final class ModelFile {
    public static final String FORMAT = "beak-model";
    public static final int VERSION = 2;
    static final String MODEL_JSON = "model.json", WEIGHTS = "weights.safetensors";
    /** Prefix of the preprocessing tensors in the weights file (layer names never start with '_'). */
    static final String PREPROCESSING = "__preprocessing__.";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {}

    public static void save(Model model, Path file) throws IOException {
        save(model, file, Map.of());
    }

    /** Saves a built model with free-form string metadata. */
    public static void save(Model model, Path file, Map<String, String> metadata) throws IOException {
        save(new SavedModel(model, metadata), file);
    }

    /** Saves a built model with its metadata, preprocessing and class names. */
    public static void save(SavedModel saved, Path file) throws IOException {
        save(saved, file, Map.of());
    }

    /**
     * Saves as {@link #save(SavedModel, Path)}, with more zip entries after the model's (a checkpoint's
     * training state), each written by its writer (which must not close the stream); readers of the model
     * ignore them. Read them back with
     * {@link #readEntry}.
     */
    public static void save(SavedModel saved, Path file, Map<String, IoConsumer<OutputStream>> extraEntries) throws IOException {
        for (String name : extraEntries.keySet()) {
            if (name.equals(MODEL_JSON) || name.equals(WEIGHTS)) throw new IllegalArgumentException("extra entry " + name + " would replace the model's own");
        }
        Model model = saved.model();
        if (!model.isBuilt()) throw new IllegalStateException("model " + model.name() + " is not built: nothing to save yet");
        Map<String, Object> description = describe(model, saved.metadata());
        description.put("preprocessing", saved.preprocessing().config());
        description.put("class_names", saved.classNames());
        description.put(TrainingSettingsCodec.KEY, TrainingSettingsCodec.write(model.trainingSettings()));
        if (saved.inputGeometry() != null) description.put(InputGeometryCodec.KEY, InputGeometryCodec.write(saved.inputGeometry()));
        if (saved.vocabulary() != null) description.put(VocabularyCodec.KEY, VocabularyCodec.write(saved.vocabulary()));
        if (saved.compileConfig() != null) CompileConfigCodec.write(saved.compileConfig()).ifPresent(c -> description.put(CompileConfigCodec.KEY, c));
        byte[] json = JSON.writeValueAsBytes(description);
        Map<String, Tensor> weights = new LinkedHashMap<>(model.state());
        saved.preprocessing().tensors().forEach((name, t) -> weights.put(PREPROCESSING + name, t));
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(MODEL_JSON));
            zip.write(json);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(WEIGHTS));
            Safetensors.write(weights, Map.of("format", FORMAT), zip);
            zip.closeEntry();
            for (Map.Entry<String, IoConsumer<OutputStream>> extra : extraEntries.entrySet()) {
                zip.putNextEntry(new ZipEntry(extra.getKey()));
                extra.getValue().accept(zip);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    private static Map<String, Object> describe(Model model, Map<String, String> metadata) {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (GraphNode n : model.nodes()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", n.name());
            l.put("type", LayerTypes.nameOf(n.spec()));
            l.put("inputs", n.inputs());
            l.put("ports", n.ports());
            l.put("config", LayerTypes.write(n.spec()));
            layers.add(l);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", VERSION);
        m.put("name", model.name());
        m.put("seed", model.seed());
        m.put("input_shapes", model.inputShapes());
        m.put("outputs", model.outputs());
        m.put("output_ports", model.outputPorts());
        m.put("layers", layers);
        m.put("metadata", metadata);
        return m;
    }

    /**
     * Loads a model file; every problem is reported with the file's name and what was wrong. Nothing
     * large is allocated before it is known to be present: entries are read through a bounded stream
     * ({@link Limits#maxInflated}, and never beyond the entry's declared size), the weights' header is
     * checked against the parameter count that model.json's layers need (worked out from the specs,
     * {@link ModelProfile}) before any weight is read, and the model is built only then, with every
     * tensor capped by {@link Limits#maxElements}.
     */
    public static SavedModel load(Path file) throws IOException {
        String src = file.toString();
        try (ZipFile zip = new ZipFile(file.toFile()); var cap = Limits.current().capTensors()) {
            Map<String, Object> m;
            try (InputStream json = entry(zip, MODEL_JSON, src)) {
                m = JSON.readValue(json, new TypeReference<>() {});
            } catch (JsonProcessingException e) {
                throw new DataFileException(src, "bad " + MODEL_JSON + ": " + e.getOriginalMessage(), e);
            }
            if (!FORMAT.equals(m.get("format"))) throw new DataFileException(src, "not a Beak model file (format is " + m.get("format") + ")");
            Object version = m.get("format_version");
            if (!(version instanceof Integer v) || v < 1 || v > VERSION) {
                throw new DataFileException(src, "format version " + version + " is not supported (this Beak reads up to " + VERSION + ")");
            }
            List<?> shapes = (List<?>) m.get("input_shapes");
            int[][] inputShapes = new int[shapes.size()][];
            for (int i = 0; i < inputShapes.length; i++) inputShapes[i] = ints(shapes.get(i), src);
            int[] outputs = ints(m.get("outputs"), src);
            int[] ports = m.containsKey("output_ports") ? ints(m.get("output_ports"), src) : new int[outputs.length];
            Model model = Model.graph((String) m.get("name"), nodes(m, (Integer) version, src), inputShapes.length, outputs, ports,
                    null, ((Number) m.get("seed")).longValue());
            long needed = neededValues(model, inputShapes, src);
            Map<String, Tensor> weights;
            ZipEntry w = zip.getEntry(WEIGHTS);
            try (InputStream in = entry(zip, WEIGHTS, src)) {
                weights = new LinkedHashMap<>(Safetensors.readContents(in, src + "!" + WEIGHTS, w.getSize(),
                        header -> checkCount(header, needed, src)).tensors());
            }
            model.build(inputShapes);
            Map<String, Tensor> preTensors = new LinkedHashMap<>();
            weights.entrySet().removeIf(e -> e.getKey().startsWith(PREPROCESSING)
                    && preTensors.put(e.getKey().substring(PREPROCESSING.length()), e.getValue()) == null);
            assign(model, weights, src);
            TrainingSettingsCodec.restore(model, m.get(TrainingSettingsCodec.KEY), src);
            @SuppressWarnings("unchecked")
            Map<String, String> meta = m.get("metadata") instanceof Map<?, ?> mm ? (Map<String, String>) mm : Map.of();
            @SuppressWarnings("unchecked")
            Preprocessing pre = m.get("preprocessing") instanceof Map<?, ?> pm
                    ? Preprocessing.fromConfig((Map<String, Object>) pm, preTensors) : Preprocessing.NONE;
            @SuppressWarnings("unchecked")
            List<String> classes = m.get("class_names") instanceof List<?> cl ? (List<String>) cl : List.of();
            return new SavedModel(model, meta, pre, classes, InputGeometryCodec.read(m.get(InputGeometryCodec.KEY), src),
                    CompileConfigCodec.read(m.get(CompileConfigCodec.KEY), src), VocabularyCodec.read(m.get(VocabularyCodec.KEY), src));
        } catch (ZipException e) {
            throw new DataFileException(src, "not a Beak model file (not a readable zip: " + e.getMessage() + ")", e);
        } catch (DataFileException | java.io.FileNotFoundException | java.nio.file.FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFileException(src, "damaged: an entry cannot be read (" + e + ")", e);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
            throw new DataFileException(src, "bad model.json: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }

    /** Missing values up to which a model is built anyway, so that {@link #assign} can name the parameter (16 M values, 64 MB). */
    private static final long BUILD_WITHOUT_CHECK = 1L << 24;

    /** Parameter and buffer values that the layers need for these input shapes, from their specs (nothing is built). */
    private static long neededValues(Model model, int[][] inputShapes, String src) throws DataFileException {
        ModelProfile p;
        try {
            p = ModelProfile.of(model, inputShapes);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(src, "bad model.json: " + e.getMessage(), e);
        }
        return p.parameters() + p.buffers();
    }

    /**
     * Refuses, before anything is built, layers that need far more values than the weights hold (a
     * small file declaring a 46,000 x 46,000 Dense layer). Smaller mismatches are left to
     * {@link #assign}, which names the parameter and both shapes.
     */
    private static void checkCount(Map<String, int[]> header, long needed, String src) throws DataFileException {
        long stored = 0;
        for (Map.Entry<String, int[]> e : header.entrySet()) {
            if (!e.getKey().startsWith(PREPROCESSING)) stored += Shape.size(e.getValue());
        }
        if (needed > stored && needed - stored > BUILD_WITHOUT_CHECK) {
            throw new DataFileException(src, String.format(Locale.ROOT,
                    "model.json's layers need %,d weight values but %s holds %,d", needed, WEIGHTS, stored));
        }
    }

    /** The bytes of zip entry {@code name} of a model file, or empty when it has none (see the extra entries of {@code save}). */
    public static Optional<byte[]> readEntry(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(name);
            if (e == null) return Optional.empty();
            try (InputStream in = entry(zip, name, file.toString())) {
                return Optional.of(in.readAllBytes());
            }
        } catch (ZipException e) {
            throw new DataFileException(file.toString(), "not a Beak model file (not a readable zip: " + e.getMessage() + ")", e);
        }
    }

    private static InputStream entry(ZipFile zip, String name, String src) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) throw new DataFileException(src, "has no " + name + " (not a Beak model file, or damaged)");
        InputStream in = BoundedInputStream.inflated(zip.getInputStream(e), src + "!" + name);
        return e.getSize() < 0 ? in : new BoundedInputStream(in, src + "!" + name, e.getSize(), "more than the entry's declared size");
    }

    @SuppressWarnings("unchecked")
    private static List<GraphNode> nodes(Map<String, Object> m, int version, String src) throws DataFileException {
        List<GraphNode> nodes = new ArrayList<>();
        for (Object o : (List<Object>) m.get("layers")) {
            Map<String, Object> l = (Map<String, Object>) o;
            String name = (String) l.get("name"), type = (String) l.get("type");
            Map<String, Object> config = (Map<String, Object>) l.get("config");
            LayerSpec spec;
            try {
                spec = version == 1 ? LegacyLayerConfig.read(type, config) : LayerTypes.read(type, config);
            } catch (IllegalArgumentException e) {
                throw new DataFileException(src, "bad model.json: layer " + name + " (" + type + "): " + e.getMessage(), e);
            }
            int[] inputs = ints(l.get("inputs"), src);
            nodes.add(new GraphNode(name, spec, inputs, l.containsKey("ports") ? ints(l.get("ports"), src) : null));
        }
        return nodes;
    }

    private static int[] ints(Object o, String src) throws DataFileException {
        if (!(o instanceof List<?> l)) throw new DataFileException(src, "expected a list of integers, got " + o);
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) r[i] = ((Number) l.get(i)).intValue();
        return r;
    }

    /** Copies stored weights into the built model, checking names and shapes both ways and that every value is finite. */
    private static void assign(Model model, Map<String, Tensor> weights, String src) throws DataFileException {
        Map<String, Tensor> params = model.state();
        for (Map.Entry<String, Tensor> p : params.entrySet()) {
            Tensor stored = weights.get(p.getKey());
            if (stored == null) throw new DataFileException(src, "weights lack parameter " + p.getKey());
            if (!Arrays.equals(stored.shape(), p.getValue().shape())) {
                throw new DataFileException(src, "parameter " + p.getKey() + " is stored as " + Shape.toString(stored.shape())
                        + " but the layer needs " + Shape.toString(p.getValue().shape()));
            }
            float[] v = stored.data();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new DataFileException(src, "parameter " + p.getKey() + " holds " + v[i] + " (value " + i
                            + "): the weights were saved after training diverged");
                }
            }
            System.arraycopy(v, 0, p.getValue().data(), 0, stored.size());
        }
        for (String name : weights.keySet()) {
            if (!params.containsKey(name)) throw new DataFileException(src, "weights hold " + name + ", which no layer has");
        }
    }
}
