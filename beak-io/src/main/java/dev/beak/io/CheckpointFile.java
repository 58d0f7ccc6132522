package dev.beak.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.beak.data.DataFileException;
import dev.beak.nn.Model;
import dev.beak.nn.train.CheckpointWriter;
import dev.beak.nn.train.TrainingState;
import dev.beak.tensor.Tensor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A checkpoint file: a {@link ModelFile} (so {@code beak evaluate} and {@code ModelFile.load} read it
 * as a model) with two more entries, {@code training.json} (format, the {@link TrainingState} but for
 * the optimizer's buffers, and free-form settings) and {@code optimizer.safetensors} (the optimizer's
 * buffers, {@code conv2d.weight.m}, ...). Written atomically, as model files are.
 *
 * {@snippet :
 * model.fit(train, FitOptions.epochs(10).callbacks(ModelCheckpoint.full(dir.resolve("ckpt-{epoch}.beak"), CheckpointFile::save)));
 * Checkpoint c = CheckpointFile.load(CheckpointFile.latest(dir).orElseThrow());
 * c.saved().model().compile(new Adam(1e-3), new CrossEntropy())
 *         .fit(train, FitOptions.epochs(10).resumeFrom(c.state()));
 * }
 */
public final class CheckpointFile {
    public static final String FORMAT = "beak-training-state";
    public static final int VERSION = 1;
    static final String TRAINING_JSON = "training.json", OPTIMIZER = "optimizer.safetensors";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckpointFile() {}

    /** Writes model and state, without metadata or settings (a {@link CheckpointWriter}). */
    public static void save(Model model, TrainingState state, Path file) throws IOException {
        save(new SavedModel(model, Map.of()), state, Map.of(), file);
    }

    /** Writes a model with its metadata, preprocessing and class names, the state, and {@code settings} (JSON-friendly values). */
    public static void save(SavedModel saved, TrainingState state, Map<String, Object> settings, Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("format_version", VERSION);
        json.putAll(TrainingStateJson.toJson(state));
        json.put("settings", settings);
        byte[] bytes = JSON.writeValueAsBytes(json);
        Map<String, Tensor> buffers = state.optimizer().buffers();
        Map<String, IoConsumer<OutputStream>> extra = new LinkedHashMap<>();
        extra.put(TRAINING_JSON, out -> out.write(bytes));
        extra.put(OPTIMIZER, out -> Safetensors.write(buffers, Map.of("format", FORMAT, "optimizer", state.optimizer().optimizer()), out));
        ModelFile.save(saved, file, extra);
    }

    /** A writer for {@code ModelCheckpoint.full} that saves {@code saved(model)}'s extras and {@code settings} with each checkpoint. */
    public static CheckpointWriter writer(Function<Model, SavedModel> saved, Map<String, Object> settings) {
        return (model, state, file) -> save(saved.apply(model), state, settings, file);
    }

    /** Reads a checkpoint; a plain model file, or a damaged one, is reported with the file's name. */
    public static Checkpoint load(Path file) throws IOException {
        String src = file.toString();
        SavedModel saved = ModelFile.load(file);
        byte[] json = ModelFile.readEntry(file, TRAINING_JSON).orElseThrow(() -> new DataFileException(src,
                "is a model file but no checkpoint: it has no " + TRAINING_JSON + " (written by ModelCheckpoint.full or beak train --checkpoint-dir)"));
        Map<String, Object> m = JSON.readValue(json, new TypeReference<>() {});
        if (!FORMAT.equals(m.get("format"))) throw new DataFileException(src, TRAINING_JSON + " is not a Beak training state (format is " + m.get("format") + ")");
        if (!(m.get("format_version") instanceof Integer v) || v > VERSION) {
            throw new DataFileException(src, TRAINING_JSON + " has format version " + m.get("format_version") + "; this Beak reads up to " + VERSION);
        }
        byte[] opt = ModelFile.readEntry(file, OPTIMIZER).orElseThrow(() -> new DataFileException(src, "has no " + OPTIMIZER + " (damaged checkpoint)"));
        Map<String, Tensor> buffers = Safetensors.read(new ByteArrayInputStream(opt), src + "!" + OPTIMIZER);
        TrainingState state = TrainingStateJson.fromJson(m, buffers, src);
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = m.get("settings") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        return new Checkpoint(saved, state, settings);
    }

    /**
     * The checkpoint in {@code dir} with the most epochs done (the newest file among equals), if any:
     * every {@code .beak} file that holds a {@code training.json} counts. Temporary files of unfinished
     * writes ({@code .name.tmp}) never do.
     */
    public static Optional<Path> latest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new DataFileException(dir.toString(), "is not a folder of checkpoints");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".beak")
                    && !f.getFileName().toString().startsWith(".")).toList();
        }
        Path best = null;
        int bestEpochs = -1;
        for (Path f : files.stream().sorted(Comparator.comparing(CheckpointFile::modified)).toList()) {
            Optional<byte[]> json = ModelFile.readEntry(f, TRAINING_JSON);
            if (json.isEmpty()) continue; // a plain model file (for example the final model) is no checkpoint
            Object epochs = JSON.readValue(json.get(), Map.class).get("epochs_done");
            if (!(epochs instanceof Integer e)) throw new DataFileException(f.toString(), "bad " + TRAINING_JSON + ": epochs_done is " + epochs);
            if (e >= bestEpochs) {
                best = f;
                bestEpochs = e;
            }
        }
        return Optional.ofNullable(best);
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
