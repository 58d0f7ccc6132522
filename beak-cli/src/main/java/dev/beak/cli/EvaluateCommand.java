package dev.beak.cli;

import dev.beak.dataset.TensorDataset;
import dev.beak.io.SavedModel;
import dev.beak.nn.CompileConfig;
import dev.beak.nn.metric.Metric;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Evaluates a saved model on the test split, with the loss and metrics it was compiled with; image
 * folders are decoded and preprocessed as its file says, exactly as training's validation split was.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Test accuracy, loss and metrics of a saved model on IDX, CIFAR or image-folder data, decoded as its file says.",
        footerHeading = "%nExamples:%n",
        footer = {"  beak evaluate runs/demo/mnist.beak", "  beak evaluate flowers.beak --data FLOWERS --json   (the validation split it was trained with)",
                "  beak evaluate model.onnx --data mnist"})
final class EvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A .beak model file, an .onnx model or a Keras model (.h5, .keras, TF.js model.json).")
    String model;

    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Override
    public Integer call() throws Exception {
        var stdout = output.human();
        SavedModel saved = ModelSource.loadAny(model);
        TensorDataset test = data.test(model, saved);
        TrainingRun.checkInput(saved.model(), test, "test");
        // The loss and metrics the model was compiled with (older files: cross-entropy, on probabilities when
        // the model ends in a softmax); the optimizer is never used.
        output.status("Evaluating %s on %,d test images...", model, test.size());
        CompileConfig c = (saved.compileConfig() != null ? saved.compileConfig() : CompileConfig.crossEntropy()).fittedTo(saved.model(), test);
        Evaluation e = saved.model().compile(new Sgd(1e-3, 0), c.loss(), c.metrics().toArray(Metric[]::new))
                .evaluate(test, dev.beak.nn.MemoryPlan.evaluationBatch(saved.model(), test.sampleShape(), 256), output.progress("Evaluating"));
        stdout.printf(Locale.ROOT, "%s on %s: test accuracy %.4f (%,d of %,d), test loss %.4f (%s)%n", model, data.describe(),
                e.accuracy(), Math.round(e.accuracy() * e.samples()), e.samples(), e.loss(), c.loss().name());
        e.metrics().forEach((name, v) -> stdout.printf(Locale.ROOT, "test %s %.4f%n", name, v));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("test_accuracy", e.accuracy());
        figures.put("test_loss", e.loss());
        e.metrics().forEach((name, v) -> figures.put("test_" + name, v));
        figures.put("samples", e.samples());
        output.result(figures);
        return 0;
    }
}
