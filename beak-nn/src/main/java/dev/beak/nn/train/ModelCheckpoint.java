package dev.beak.nn.train;

import dev.beak.nn.Model;
import dev.beak.nn.metric.Monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saves the model as epochs end: after every epoch ({@link #last}), or only when a monitored figure
 * improves ({@link #best}); or a full checkpoint, model plus {@link TrainingState}, after every epoch
 * ({@link #full}), from which {@link FitOptions#resumeFrom} continues. A {@code {epoch}} in the file
 * name becomes the epoch number (three digits), so {@code runs/ckpt-{epoch}.beak} keeps one file per
 * saved epoch; without it the one file is replaced each time. The {@link Saver} or
 * {@link CheckpointWriter} decides the format (and should write atomically).
 *
 * <p>{@link #keeping(int) keeping(n)} deletes all but the newest {@code n} files of the pattern in its
 * folder, those of earlier runs included. When a fit starts, temporary files that an interrupted atomic
 * write of the pattern left behind ({@code .ckpt-002.beak.<random>.tmp}) are deleted.
 *
 * {@snippet : model.fit(train, FitOptions.epochs(10).callbacks(ModelCheckpoint.full(dir.resolve("ckpt-{epoch}.beak"), CheckpointFile::save).keeping(2))); }
 */
public final class ModelCheckpoint implements TrainingListener {
    private final String file;
    private final Monitor monitor;
    private final Saver saver;
    private final CheckpointWriter writer;
    private final int keep;
    private final List<Path> saved = new ArrayList<>();
    private Model model;
    private double best;
    private Path pending;

    private ModelCheckpoint(String file, Monitor monitor, Saver saver, CheckpointWriter writer, int keep) {
        if (keep < 0) throw new IllegalArgumentException("checkpoints to keep must be >= 1 (or 0 for all), got " + keep);
        this.file = file;
        this.monitor = monitor;
        this.saver = saver;
        this.writer = writer;
        this.keep = keep;
    }

    /** Saves after every epoch. */
    public static ModelCheckpoint last(Path file, Saver saver) {
        return new ModelCheckpoint(file.toString(), null, saver, null, 0);
    }

    /** Saves when {@code monitor} beats its best value so far. */
    public static ModelCheckpoint best(Path file, String monitor, Saver saver) {
        return new ModelCheckpoint(file.toString(), Monitor.of(monitor), saver, null, 0);
    }

    /** Writes a full checkpoint, model and training state, after every epoch. */
    public static ModelCheckpoint full(Path file, CheckpointWriter writer) {
        return new ModelCheckpoint(file.toString(), null, null, writer, 0);
    }

    /** Keeps only the newest {@code n} files of the pattern (by epoch number); 0 keeps all. */
    public ModelCheckpoint keeping(int n) {
        return new ModelCheckpoint(file, monitor, saver, writer, n);
    }

    @Override
    public void onFitStart(Model m) {
        model = m;
        best = Double.NaN;
        pending = null;
        saved.clear();
        deleteStaleTemporaryFiles();
    }

    @Override
    public void onResume(History earlier) {
        if (monitor == null) return;
        for (EpochLogs logs : earlier.epochs()) {
            double v = monitor.valueIn(logs.values());
            if (monitor.improved(v, best)) best = v;
        }
    }

    @Override
    public void onEpochEnd(EpochLogs logs) {
        if (monitor != null) {
            double v = monitor.valueIn(logs.values());
            if (!monitor.improved(v, best)) return;
            best = v;
        }
        Path target = Path.of(file.replace("{epoch}", String.format(Locale.ROOT, "%03d", logs.epoch())));
        if (writer != null) {
            pending = target; // written in onCheckpoint, which brings the training state
            return;
        }
        save(logs.epoch(), target, () -> saver.save(model, target));
    }

    @Override
    public void onCheckpoint(Supplier<TrainingState> state) {
        if (pending == null) return;
        Path target = pending;
        pending = null;
        TrainingState s = state.get();
        save(s.epochsDone(), target, () -> writer.write(model, s, target));
    }

    /** The files written in this fit, in order. */
    public List<Path> savedFiles() {
        return List.copyOf(saved);
    }

    private interface Write {
        void run() throws IOException;
    }

    private void save(int epoch, Path target, Write write) {
        try {
            write.run();
            saved.add(target);
            prune();
        } catch (IOException e) {
            throw new TrainingException("epoch " + epoch + ": could not save the checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** The pattern's files in its folder, oldest epoch first. */
    private List<Path> existing() throws IOException {
        Path dir = folder();
        if (!Files.isDirectory(dir)) return List.of();
        Pattern name = namePattern("");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(f -> epochOf(name, f))).toList();
        }
    }

    private void prune() throws IOException {
        if (keep == 0 || !file.contains("{epoch}")) return;
        List<Path> all = existing();
        for (Path old : all.subList(0, Math.max(0, all.size() - keep))) Files.deleteIfExists(old);
    }

    private void deleteStaleTemporaryFiles() {
        Path dir = folder();
        if (!Files.isDirectory(dir)) return;
        Pattern temp = namePattern("\\.");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> temp.matcher(f.getFileName().toString()).matches()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new TrainingException("could not clean up old temporary files in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path folder() {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }

    /**
     * The file name pattern as a regular expression, {@code {epoch}} as digits; with a {@code prefix}
     * it matches the temporary files of an atomic write ({@code .<name>.<anything>.tmp}).
     */
    private Pattern namePattern(String prefix) {
        String base = Path.of(file).getFileName().toString();
        String[] parts = base.split("\\{epoch}", -1);
        StringBuilder re = new StringBuilder(prefix);
        for (int i = 0; i < parts.length; i++) re.append(i > 0 ? "(\\d+)" : "").append(Pattern.quote(parts[i]));
        if (!prefix.isEmpty()) re.append("\\..*\\.tmp");
        return Pattern.compile(re.toString());
    }

    private static int epochOf(Pattern name, Path f) {
        Matcher m = name.matcher(f.getFileName().toString());
        return m.matches() && m.groupCount() > 0 ? Integer.parseInt(m.group(1)) : 0;
    }
}
