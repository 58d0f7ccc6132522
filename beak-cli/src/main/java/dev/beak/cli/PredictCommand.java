package dev.beak.cli;

import dev.beak.dataset.TensorDataset;
import dev.beak.io.SavedModel;
import dev.beak.nn.metric.Accuracy;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Predicts classes for the first images of the test split, with their probabilities. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predicted class and probability for images of the test split (labels, if present, are compared).")
final class PredictCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A .beak model file.")
    String model;

    @Mixin DataOptions data;

    @Option(names = "--count", defaultValue = "10", description = "How many images, from the first (default: ${DEFAULT-VALUE}; 0 = all).")
    int count;

    @Option(names = "--json", description = "Print the figures as one JSON line at the end.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        SavedModel saved = ModelSource.load(model);
        TensorDataset test = data.test(model, saved);
        TrainingRun.checkInput(saved.model(), test, "test");
        int n = count <= 0 ? test.size() : Math.min(count, test.size());
        TensorDataset sample = test.slice(0, n);
        Tensor probs = Ops.softmax(saved.model().predict(sample.x(), 256));
        int k = probs.dim(1), correct = 0;
        float[] p = probs.data(), y = sample.y().data();
        for (int i = 0; i < n; i++) {
            int c = Accuracy.argmax(p, i * k, k);
            if (c == (int) y[i]) correct++;
            if (n <= 100 || !json) {
                out.printf(Locale.ROOT, "image %d: class %d%s (p=%.4f), label %d%s%n", i, c, name(saved, c), p[i * k + c], (int) y[i],
                        c == (int) y[i] ? "" : "  <- wrong");
            }
        }
        out.printf(Locale.ROOT, "%d of %d correct (%.4f)%n", correct, n, correct / (double) n);
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("predictions", n);
            figures.put("accuracy", correct / (double) n);
            figures.put("classes", Arrays.toString(Arrays.copyOf(classes(p, n, k), Math.min(n, 20))));
            out.println(Json.line(figures));
        }
        out.flush();
        return 0;
    }

    /** " square" when the file names its classes. */
    private static String name(SavedModel saved, int c) {
        return c < saved.classNames().size() ? " " + saved.classNames().get(c) : "";
    }

    private static int[] classes(float[] p, int n, int k) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) c[i] = Accuracy.argmax(p, i * k, k);
        return c;
    }
}
