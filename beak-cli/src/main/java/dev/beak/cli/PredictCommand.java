package dev.beak.cli;

import dev.beak.data.image.ImageFiles;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.ImageClassifier;
import dev.beak.io.SavedModel;
import dev.beak.nn.metric.Accuracy;
import dev.beak.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

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
    @Spec CommandSpec spec;

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
        var out = output.human();
        List<Path> files = new ArrayList<>();
        for (Path p : images) files.addAll(imageFiles(p));
        if (files.isEmpty()) throw new IllegalArgumentException("no image files (" + String.join(", ", ImageFiles.EXTENSIONS) + ") in " + images);
        ImageClassifier classifier = ImageClassifier.of(saved);
        List<ImageClassifier.Scored> scored = classifier.classify(files, top, output.progress("Classifying"));
        if (output.json) {
            List<Map<String, Object>> predictions = new ArrayList<>();
            for (ImageClassifier.Scored s : scored) {
                List<Map<String, Object>> ranked = new ArrayList<>();
                for (ImageClassifier.RankedClass c : s.top()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("class", c.name());
                    m.put("index", c.index());
                    m.put("probability", c.probability());
                    ranked.add(m);
                }
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("file", s.file().toString());
                one.put("top", ranked);
                predictions.add(one);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("model", model);
            all.put("input", classifier.geometry().describe());
            all.put("predictions", predictions);
            output.result(all);
        } else {
            out.println("Images decoded as " + classifier.geometry().describe());
            for (ImageClassifier.Scored s : scored) {
                StringBuilder line = new StringBuilder(s.file().toString()).append(':');
                for (ImageClassifier.RankedClass c : s.top()) line.append(String.format(Locale.ROOT, "  %s %.4f", c.name(), c.probability()));
                out.println(line);
            }
        }
        out.flush();
        return 0;
    }

    /** A file as given (it must be an image), or a folder's image files, sorted, recursively. */
    private static List<Path> imageFiles(Path p) throws IOException {
        if (!Files.exists(p)) throw new IllegalArgumentException(p + ": no such file or folder");
        if (!Files.isDirectory(p)) return List.of(p);
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).filter(ImageFiles::hasImageExtension).sorted().toList();
        }
    }

    private int predictTestSplit(SavedModel saved) throws IOException {
        var out = output.human();
        TensorDataset test = data.test(model, saved);
        TrainingRun.checkInput(saved.model(), test, "test");
        int n = count <= 0 ? test.size() : Math.min(count, test.size());
        TensorDataset sample = test.slice(0, n);
        Tensor probs = ImageClassifier.probabilitiesOf(saved.model().predict(sample.x(), 256, output.progress("Predicting")));
        int k = probs.dim(1), correct = 0;
        float[] p = probs.data(), y = sample.y().data();
        List<Integer> classes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = Accuracy.argmax(p, i * k, k);
            classes.add(c);
            if (c == (int) y[i]) correct++;
            if (!output.json) {
                out.printf(Locale.ROOT, "image %d: class %d%s (p=%.4f), label %d%s%n", i, c, name(saved, c), p[i * k + c], (int) y[i],
                        c == (int) y[i] ? "" : "  <- wrong");
            }
        }
        if (output.json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("predictions", n);
            figures.put("accuracy", correct / (double) n);
            figures.put("classes", classes);
            if (!saved.classNames().isEmpty()) figures.put("class_names", classes.stream().map(c -> name(saved, c).strip()).toList());
            output.result(figures);
        } else {
            out.printf(Locale.ROOT, "%d of %d correct (%.4f)%n", correct, n, correct / (double) n);
        }
        out.flush();
        return 0;
    }

    /** " square" when the file names its classes. */
    private static String name(SavedModel saved, int c) {
        return c < saved.classNames().size() ? " " + saved.classNames().get(c) : "";
    }
}
