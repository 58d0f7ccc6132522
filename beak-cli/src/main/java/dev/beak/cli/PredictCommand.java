package dev.beak.cli;

import dev.beak.command.Json;
import dev.beak.data.image.ImageFiles;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.ImageClassifier;
import dev.beak.io.SavedModel;
import dev.beak.nn.metric.Predictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Scores image files (any size: the model file's input geometry and preprocessing apply) with class
 * names and top-k probabilities; without files, predicts the first images of a labelled test split
 * and compares with the labels.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify image files or folders of them (top-k classes with names and probabilities); "
                + "without files, the first images of the test split of --data, compared with their labels.",
        footerHeading = "%nExamples:%n",
        footer = {"  beak predict runs/demo/mnist.beak digit.png photos/ --top 3", "  beak predict runs/demo/mnist.beak --count 20 --json"})
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .beak model file, an .onnx model or a Keras model (.h5, .keras, TF.js model.json).")
    String model;

    @Parameters(index = "1..*", paramLabel = "IMAGE", description = "Image files (PNG, JPEG, BMP, GIF) or folders of them (searched recursively).")
    List<Path> images = new ArrayList<>();

    @Mixin DataOptions data;

    @Option(names = "--top", defaultValue = "1", description = "Classes shown per image, most probable first (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--count", defaultValue = "10", description = "Without image files: how many test images, from the first (default: ${DEFAULT-VALUE}; 0 = all).")
    int count;

    @Mixin OutputOptions output;

    @Override
    public Integer call() throws Exception {
        SavedModel saved = ModelSource.loadAny(model);
        if (top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
        if (!images.isEmpty()) return classifyFiles(saved);
        return predictTestSplit(saved);
    }

    private int classifyFiles(SavedModel saved) throws IOException {
        ImageClassifier classifier = ImageClassifier.of(saved);
        List<ImageClassifier.Scored> scored = classifier.classify(ImageFiles.list(images), top, output.progress("Classifying"));
        output.human().println("Images decoded as " + classifier.geometry().describe());
        List<Map<String, Object>> predictions = new ArrayList<>();
        for (ImageClassifier.Scored s : scored) {
            StringBuilder line = new StringBuilder(s.file().toString()).append(':');
            List<Map<String, Object>> ranked = new ArrayList<>();
            for (ImageClassifier.RankedClass c : s.top()) {
                line.append(String.format(Locale.ROOT, "  %s %.4f", c.name(), c.probability()));
                ranked.add(Json.object("class", c.name(), "index", c.index(), "probability", c.probability()));
            }
            output.human().println(line);
            predictions.add(Json.object("file", s.file().toString(), "top", ranked));
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("model", model);
        all.put("input", classifier.geometry().describe());
        all.put("predictions", predictions);
        output.result(all);
        return 0;
    }

    private int predictTestSplit(SavedModel saved) throws IOException {
        TensorDataset test = data.test(model, saved);
        TrainingRun.checkInput(saved.model(), test, "test");
        Predictions p = Predictions.of(saved.model(), test, count, output.progress("Predicting"));
        List<Integer> classes = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            int c = p.classes()[i];
            classes.add(c);
            output.human().printf(Locale.ROOT, "image %d: class %d%s (p=%.4f), label %d%s%n", i, c, name(saved, c), p.probabilities()[i], p.labels()[i],
                    p.isCorrect(i) ? "" : "  <- wrong");
        }
        output.human().printf(Locale.ROOT, "%d of %d correct (%.4f)%n", p.correct(), p.size(), p.accuracy());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("predictions", p.size());
        figures.put("accuracy", p.accuracy());
        figures.put("classes", classes);
        if (!saved.classNames().isEmpty()) figures.put("class_names", classes.stream().map(c -> name(saved, c).strip()).toList());
        output.result(figures);
        return 0;
    }

    /** " square" when the file names its classes. */
    private static String name(SavedModel saved, int c) {
        return c < saved.classNames().size() ? " " + saved.classNames().get(c) : "";
    }
}
