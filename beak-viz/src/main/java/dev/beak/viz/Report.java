package dev.beak.viz;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.metric.ClassificationReport;
import dev.beak.nn.metric.ConfusionMatrix;
import dev.beak.nn.train.EvaluationListener;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTML page about a trained model: its summary, the training curves (when a history is given),
 * the confusion matrix on test data, the first-layer filters, the activations of every convolution
 * for one test image, and Grad-CAM for a few test images. The pictures are PNG files beside the page.
 *
 * {@snippet :
 * Map<String, Object> figures = Report.write(model, "mnist.beak", test, curves, Path.of("report"), 8);
 * }
 */
public final class Report {
    private Report() {}

    /** {@link #write(Model, String, TensorDataset, TrainingCurves, Path, int, double, double)} for inputs in [0, 1]. */
    public static Map<String, Object> write(Model model, String title, TensorDataset test, TrainingCurves curves, Path dir, int samples)
            throws IOException {
        return write(model, title, test, curves, dir, samples, 0, 1);
    }

    /** What the page says about the run: its title, facts such as the model file's metadata, and the class names (may be empty). */
    public record Run(String title, Map<String, String> facts, List<String> classNames) {}

    /** {@link #write(Model, Run, TensorDataset, TrainingCurves, Path, int, double, double)} without run facts or class names. */
    public static Map<String, Object> write(Model model, String title, TensorDataset test, TrainingCurves curves, Path dir, int samples,
                                            double lo, double hi) throws IOException {
        return write(model, new Run(title, Map.of(), List.of()), test, curves, dir, samples, lo, hi);
    }

    /**
     * Writes {@code dir/index.html} and its pictures; {@code curves} may be null; input pixels span
     * [lo, hi]. Returns the key figures (test accuracy, samples, best epoch, files written).
     */
    public static Map<String, Object> write(Model model, Run run, TensorDataset test, TrainingCurves curves, Path dir, int samples,
                                            double lo, double hi) throws IOException {
        return write(model, run, test, curves, dir, samples, lo, hi, EvaluationListener.NONE);
    }

    /**
     * {@link #write(Model, Run, TensorDataset, TrainingCurves, Path, int, double, double)}, telling {@code progress}
     * of every batch of the pass over the test data (the confusion matrix), the part that takes long.
     */
    public static Map<String, Object> write(Model model, Run run, TensorDataset test, TrainingCurves curves, Path dir, int samples,
                                            double lo, double hi, EvaluationListener progress) throws IOException {
        String title = run.title();
        Files.createDirectories(dir);
        OutputFolder folder = new OutputFolder(dir);
        List<String> files = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        Map<String, Object> figures = new LinkedHashMap<>();
        Probe probe = Probe.of(model);

        section(body, "Run", facts(run, model, test, curves));
        section(body, "Model", "<pre>" + escape(model.summary()) + "</pre>");
        if (curves != null) {
            curves.writePng(dir.resolve("curves.png"));
            files.add("curves.png");
            figures.put("best_epoch", curves.bestEpoch());
            section(body, "Training curves", img("curves.png", "accuracy and loss per epoch")
                    + "<p>Training in blue, validation in orange; the dashed green line marks the epoch with the lowest "
                    + "validation loss (" + curves.bestEpoch() + " of " + curves.epochs() + "). Where validation loss rises "
                    + "while training loss falls, the model overfits.</p>");
        }
        ConfusionMatrix cm = ConfusionMatrix.of(model, test, 256, progress);
        new ConfusionChart(cm).writePng(dir.resolve("confusion.png"));
        files.add("confusion.png");
        figures.put("test_accuracy", cm.accuracy());
        figures.put("samples", cm.total());
        section(body, "Confusion matrix", img("confusion.png", "confusion matrix")
                + String.format(Locale.ROOT, "<p>Accuracy %.4f on %,d test images. Rows are true classes, columns predictions.</p>",
                cm.accuracy(), cm.total()));
        ClassificationReport classes = run.classNames().size() == cm.classes() ? ClassificationReport.of(cm, run.classNames()) : ClassificationReport.of(cm);
        figures.put("macro_f1", classes.macroAverage().f1());
        section(body, "Per-class precision and recall", "<pre>" + escape(classes.toString()) + "</pre>"
                + "<p>Precision: of the images predicted as a class, the fraction that are; recall: of the images of a class, "
                + "the fraction found; F1 is their harmonic mean; support counts the test images of the class.</p>");

        Filters.firstLayer(model).writePng(dir.resolve("filters.png"));
        files.add("filters.png");
        section(body, "First-layer filters", img("filters.png", "filters"));

        Tensor one = test.slice(0, 1).x();
        Activations act = Activations.of(model, one);
        StringBuilder a = new StringBuilder("<p>Feature maps of every convolution for test image 0.</p>");
        for (int node : probe.convNodes()) {
            String name = probe.name(node);
            if (!act.imageLayers().contains(name)) continue;
            String file = folder.fileName("activations-", name, ".png");
            act.writePng(name, folder.resolve(file));
            files.add(file);
            a.append(img(file, "activations of " + name));
        }
        section(body, "Activations", a.toString());

        int n = Math.min(samples, test.size());
        Tensor xs = test.slice(0, n).x();
        GradCam cam = GradCam.of(model, xs, null, null);
        cam.writePng(xs, lo, hi, dir.resolve("gradcam.png"));
        files.add("gradcam.png");
        section(body, "Grad-CAM", img("gradcam.png", "Grad-CAM") + "<p>Where the last convolution (" + escape(cam.layer())
                + ") finds evidence for the predicted class, for the first " + n + " test images.</p>");

        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}img{max-width:100%;"
                + "display:block;margin:0.5em 0}pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style></head><body>\n"
                + "<h1>" + escape(title) + "</h1>\n" + body + "</body></html>\n";
        Files.writeString(dir.resolve("index.html"), html, StandardCharsets.UTF_8);
        files.add("index.html");
        figures.put("files", files);
        return figures;
    }

    /** The run's facts as a table: model, parameters, test data, epochs, then the given facts (the model file's metadata). */
    private static String facts(Run run, Model model, TensorDataset test, TrainingCurves curves) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("model", model.name());
        rows.put("parameters", String.format(Locale.ROOT, "%,d", model.parameterCount()));
        rows.put("input", dev.beak.tensor.Shape.toString(model.inputShape()));
        rows.put("test images", String.format(Locale.ROOT, "%,d", test.size()));
        if (!run.classNames().isEmpty()) rows.put("classes", String.join(", ", run.classNames()));
        if (curves != null) rows.put("epochs trained", Integer.toString(curves.epochs()));
        rows.putAll(run.facts());
        StringBuilder t = new StringBuilder("<table>");
        rows.forEach((k, v) -> t.append("<tr><th style=\"text-align:left;padding-right:1em\">").append(escape(k)).append("</th><td>")
                .append(escape(v)).append("</td></tr>"));
        return t.append("</table>").toString();
    }

    private static void section(StringBuilder b, String title, String html) {
        b.append("<h2>").append(escape(title)).append("</h2>\n").append(html).append('\n');
    }

    private static String img(String file, String alt) {
        return "<img src=\"" + escape(file) + "\" alt=\"" + escape(alt) + "\">";
    }

    /** {@code s} safe as HTML text and inside quoted attribute values. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
