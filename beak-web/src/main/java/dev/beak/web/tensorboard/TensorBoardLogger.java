package dev.beak.web.tensorboard;

import dev.beak.nn.Model;
import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.History;
import dev.beak.nn.train.TrainingListener;
import dev.beak.viz.Pictures;
import dev.beak.web.Histogram;
import dev.beak.web.ModelStatistics;
import dev.beak.web.ValidationSamples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a fit to a TensorBoard log folder: {@code batch/loss} and {@code batch/accuracy} at every step
 * (batches of the earlier epochs plus this one's), every figure of each epoch as {@code epoch/<name>} at the epoch's number,
 * and at each epoch's end histograms of the weights, the last step's gradients and the activations on
 * the validation samples, and the samples as one picture labelled "true → predicted".
 * {@snippet : model.fit(train, options.callbacks(TensorBoardLogger.to(Path.of("runs/tb"), samples))) }
 */
public final class TensorBoardLogger implements TrainingListener {
    private static final int BINS = 30;
    private final Path folder;
    private final ValidationSamples samples;
    private EventFileWriter writer;
    private Model model;
    private int epoch;

    private TensorBoardLogger(Path folder, ValidationSamples samples) {
        this.folder = folder;
        this.samples = samples;
    }

    /** Logs into {@code folder}; {@code samples} (may be null) are pictured and fed for activation histograms. */
    public static TensorBoardLogger to(Path folder, ValidationSamples samples) {
        return new TensorBoardLogger(folder, samples);
    }

    /** The event file being written (null before the fit starts). */
    public Path file() {
        return writer == null ? null : writer.file();
    }

    @Override
    public void onFitStart(Model model) {
        this.model = model;
        io(() -> writer = EventFileWriter.in(folder));
    }

    @Override
    public void onResume(History earlier) {
        for (EpochLogs e : earlier.epochs()) {
            io(() -> logEpoch(e));
        }
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        this.epoch = epoch;
    }

    @Override
    public void onBatchEnd(int batch, int batches, double loss, double accuracy, long images, double seconds) {
        long step = (long) (epoch - 1) * batches + batch; // the same step for the same batch after a resume
        io(() -> {
            writer.scalar("batch/loss", step, loss);
            writer.scalar("batch/accuracy", step, accuracy);
        });
    }

    @Override
    public void onEpochEnd(EpochLogs logs) {
        io(() -> {
            logEpoch(logs);
            for (Map.Entry<String, Histogram> e : ModelStatistics.weights(model, BINS).entrySet()) writer.histogram("weights/" + e.getKey(), logs.epoch(), e.getValue());
            for (Map.Entry<String, Histogram> e : ModelStatistics.gradients(model, BINS).entrySet()) writer.histogram("gradients/" + e.getKey(), logs.epoch(), e.getValue());
            if (samples != null && samples.size() > 0) {
                for (Map.Entry<String, Histogram> e : ModelStatistics.activations(model, samples.x(), BINS).entrySet()) {
                    writer.histogram("activations/" + e.getKey(), logs.epoch(), e.getValue());
                }
                if (samples.images()) {
                    BufferedImage grid = predictions();
                    writer.image("validation/predictions", logs.epoch(), ValidationSamples.png(grid), grid.getHeight(), grid.getWidth(), 3);
                }
            }
        });
    }

    private void logEpoch(EpochLogs logs) throws IOException {
        for (Map.Entry<String, Double> e : logs.values().entrySet()) writer.scalar("epoch/" + e.getKey(), logs.epoch(), e.getValue());
    }

    /** The samples, enlarged, each labelled "true → predicted". */
    private BufferedImage predictions() {
        ValidationSamples.Prediction[] p = samples.predict(model);
        List<BufferedImage> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int factor = Pictures.factorFor(Math.max(samples.x().dim(2), samples.x().dim(3)), 84);
        for (int i = 0; i < samples.size(); i++) {
            tiles.add(Pictures.enlarge(Pictures.imageAutoscaled(samples.x(), i), factor));
            labels.add(samples.name(samples.labels()[i]) + " \u2192 " + samples.name(p[i].index()));
        }
        return Pictures.grid(tiles, labels, Math.min(8, tiles.size()), "validation samples: true \u2192 predicted");
    }

    @Override
    public void onFitEnd(History history) {
        io(() -> writer.close());
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TensorBoard log in " + folder + ": " + e.getMessage(), e);
        }
    }
}
