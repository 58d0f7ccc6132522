package dev.beak.cli;

import dev.beak.dataset.BatchSource;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.io.AtomicFiles;
import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.nn.CompileConfig;
import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.metric.Metric;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.LearningRateSchedule;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.Evaluation;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.tensor.Shape;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shared by {@code beak demo} and {@code beak train}: fit with the test split as validation data,
 * evaluate, save the model file and the history CSV next to it (both written atomically), report.
 */
final class TrainingRun {
    enum OptimizerKind { adam, sgd }

    private TrainingRun() {}

    /** The optimizer with an exponential learning-rate decay per epoch ({@code lrDecay} 1 keeps it constant). */
    static Optimizer optimizer(OptimizerKind kind, double lr, double momentum, double lrDecay) {
        LearningRateSchedule schedule = lrDecay == 1 ? LearningRateSchedule.constant() : LearningRateSchedule.exponential(lrDecay);
        return kind == OptimizerKind.adam ? new Adam(lr).schedule(schedule) : new Sgd(lr, momentum).schedule(schedule);
    }

    /** Runs the whole job and returns the JSON figures. */
    static Map<String, Object> run(Model model, Dataset train, Dataset test, Optimizer optimizer, String optimizerText,
                                   double lrDecay, int epochs, int batchSize, long seed, Path out, PrintWriter stdout, PrintWriter stderr) throws Exception {
        checkInput(model, train, "training");
        return run(new SavedModel(model, Map.of()), Batches.shuffled(train, batchSize, seed, 0), train.size(), test,
                optimizer, optimizerText, lrDecay, epochs, batchSize, seed, out, stdout, stderr);
    }

    /**
     * The same with training batches from any source (for example a background loader with augmentation).
     * {@code begin} holds the model and what its file will carry: preprocessing, class names, input
     * geometry, and the loss and metrics to compile with (cross-entropy alone when it has none).
     */
    static Map<String, Object> run(SavedModel begin, BatchSource train, int trainSize, Dataset test, Optimizer optimizer, String optimizerText,
                                   double lrDecay, int epochs, int batchSize, long seed, Path out, PrintWriter stdout, PrintWriter stderr) throws Exception {
        Model model = begin.model();
        checkInput(model, train.sampleShape(), "training");
        checkInput(model, test, "test");
        stdout.printf(Locale.ROOT, "Training %s (%,d parameters) on %,d images, testing on %,d; %s%s, batch %d, %d epochs%n",
                model.name(), model.parameterCount(), trainSize, test.size(), optimizerText,
                lrDecay == 1 ? "" : " (x" + lrDecay + " per epoch)", batchSize, epochs);
        CompileConfig compile = begin.compileConfig() != null ? begin.compileConfig() : new CompileConfig(new CrossEntropy(), List.of());
        model.compile(optimizer, compile.loss(), compile.metrics().toArray(Metric[]::new));
        long start = System.nanoTime();
        History history = model.fit(train, FitOptions.epochs(epochs).batchSize(batchSize).validation(test).seed(seed)
                .listener(new ProgressBar(stdout, stderr, ProgressBar.isTerminal())));
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Evaluation eval = model.evaluate(test, 256);
        double imagesPerS = Arrays.stream(history.values("images_per_s")).average().orElse(Double.NaN);

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("test_accuracy", Double.toString(eval.accuracy()));
        meta.put("epochs", Integer.toString(epochs));
        ModelFile.save(new SavedModel(model, meta, begin.preprocessing(), begin.classNames(), begin.inputGeometry(), null), out);
        Path csv = historyPath(out);
        byte[] csvBytes = history.toCsv().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(csv, o -> o.write(csvBytes));

        stdout.printf(Locale.ROOT, "Test accuracy %.4f (%,d of %,d), test loss %.4f%n",
                eval.accuracy(), Math.round(eval.accuracy() * eval.samples()), eval.samples(), eval.loss());
        stdout.printf(Locale.ROOT, "Trained in %s at %.1f images/s; model saved to %s, history to %s%n",
                ProgressBar.clock(trainSeconds), imagesPerS, out, csv);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("test_accuracy", eval.accuracy());
        json.put("test_loss", eval.loss());
        json.put("epochs", epochs);
        json.put("train_images_per_s", imagesPerS);
        json.put("train_seconds", trainSeconds);
        json.put("model", out.toString());
        json.put("history", csv.toString());
        return json;
    }

    /** {@code runs/mnist.beak} -> {@code runs/mnist.history.csv}. */
    static Path historyPath(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".history.csv");
    }

    static void checkInput(Model model, Dataset data, String what) {
        checkInput(model, data.sampleShape(), what);
    }

    static void checkInput(Model model, int[] got, String what) {
        int[] expected = model.inputShape();
        if (expected != null && !Arrays.equals(expected, got)) {
            throw new IllegalArgumentException("the " + what + " images are " + Shape.toString(got) + " but model " + model.name()
                    + " takes " + Shape.toString(expected) + " (channels, height, width)");
        }
    }
}
