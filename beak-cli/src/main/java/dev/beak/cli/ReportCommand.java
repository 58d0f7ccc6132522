package dev.beak.cli;

import dev.beak.dataset.TensorDataset;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.viz.Report;
import dev.beak.viz.TrainingCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code beak report MODEL --out DIR}: one HTML page with curves, confusion matrix, filters, activations, Grad-CAM. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "One HTML page about a model: summary, training curves, confusion matrix, filters, activations, Grad-CAM.",
        footerHeading = "%nExamples:%n",
        footer = {"  beak report runs/demo/mnist.beak --out runs/report", "  beak report flowers.beak --data FLOWERS --count 16"})
final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A .beak model file, an .onnx model or a Keras model (.h5, .keras, TF.js model.json).")
    String model;

    @Mixin DataOptions data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/report", description = "Folder for index.html and its pictures (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--history", paramLabel = "CSV", description = "Training history (default: MODEL.history.csv beside the model, if present).")
    Path history;

    @Option(names = {"--count", "--samples"}, paramLabel = "N", defaultValue = "8",
            description = "Test images shown with Grad-CAM (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--range", paramLabel = "LO,HI", defaultValue = "0,1",
            description = "Value range of the model's input pixels (default: ${DEFAULT-VALUE}).")
    String range;

    @Mixin OutputOptions output;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        var stdout = output.human();
        SavedModel saved = ModelSource.loadAny(model);
        Model m = saved.model();
        TensorDataset test = data.test(model, saved);
        TrainingRun.checkInput(m, test, "test");
        Path csv = history != null ? history : TrainingRun.historyPath(Path.of(model));
        if (history != null && !Files.exists(history)) throw new IllegalArgumentException("no history CSV at " + history);
        TrainingCurves curves = Files.exists(csv) ? TrainingCurves.readCsv(csv) : null;
        output.status("Writing %s: confusion matrix over %,d test images, filters, activations, Grad-CAM...", out.resolve("index.html"), test.size());
        String[] r = range.split(",");
        if (r.length != 2) throw new IllegalArgumentException("--range must be LO,HI, got \"" + range + "\"");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("model file", model);
        facts.put("test data", data.describe());
        if (curves != null) facts.put("history", csv.toString());
        saved.metadata().forEach((k, v) -> facts.put(k.replace('_', ' '), v)); // what training recorded: test accuracy, epochs, split
        Report.Run run = new Report.Run("Beak report: " + Path.of(model).getFileName(), facts, saved.classNames());
        Map<String, Object> figures = Report.write(m, run, test, curves, out, samples, Double.parseDouble(r[0].trim()), Double.parseDouble(r[1].trim()),
                output.progress("Confusion matrix"));
        stdout.println("Wrote " + out.resolve("index.html") + (curves == null ? " (no training history found at " + csv + ")" : ""));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("command", "report");
        line.put("page", out.resolve("index.html").toString());
        line.putAll(figures);
        output.result(line);
        stdout.flush();
        return 0;
    }
}
