package dev.beak.nn.train;

import dev.beak.nn.Model;
import dev.beak.nn.metric.Monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Saves the model as epochs end: after every epoch ({@link #last}), or only when a monitored figure
 * improves ({@link #best}). A {@code {epoch}} in the file name becomes the epoch number (three
 * digits), so {@code runs/ckpt-{epoch}.beak} keeps one file per saved epoch; without it the one file
 * is replaced each time. The {@link Saver} decides the format (and should write atomically).
 */
public final class ModelCheckpoint implements TrainingListener {
    private final String file;
    private final Monitor monitor;
    private final Saver saver;
    private final List<Path> saved = new ArrayList<>();
    private Model model;
    private double best;

    private ModelCheckpoint(String file, Monitor monitor, Saver saver) {
        this.file = file;
        this.monitor = monitor;
        this.saver = saver;
    }

    /** Saves after every epoch. */
    public static ModelCheckpoint last(Path file, Saver saver) {
        return new ModelCheckpoint(file.toString(), null, saver);
    }

    /** Saves when {@code monitor} beats its best value so far. */
    public static ModelCheckpoint best(Path file, String monitor, Saver saver) {
        return new ModelCheckpoint(file.toString(), Monitor.of(monitor), saver);
    }

    @Override
    public void onFitStart(Model m) {
        model = m;
        best = Double.NaN;
        saved.clear();
    }

    @Override
    public void onEpochEnd(EpochLogs logs) {
        if (monitor != null) {
            double v = monitor.valueIn(logs.values());
            if (!monitor.improved(v, best)) return;
            best = v;
        }
        Path target = Path.of(file.replace("{epoch}", String.format(Locale.ROOT, "%03d", logs.epoch())));
        try {
            saver.save(model, target);
        } catch (IOException e) {
            throw new TrainingException("epoch " + logs.epoch() + ": could not save the checkpoint " + target + ": " + e.getMessage(), e);
        }
        saved.add(target);
    }

    /** The files written in this fit, in order. */
    public List<Path> savedFiles() {
        return List.copyOf(saved);
    }
}
