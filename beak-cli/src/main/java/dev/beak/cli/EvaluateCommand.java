package dev.beak.cli;

import dev.beak.dataset.TensorDataset;
import dev.beak.io.SavedModel;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Evaluates a saved model on the test split of IDX data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Test accuracy and loss of a saved model on IDX data.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A .beak model file.")
    String model;

    @Mixin DataOptions data;

    @Option(names = "--json", description = "Print the figures as one JSON line at the end.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var stdout = spec.commandLine().getOut();
        SavedModel saved = ModelSource.load(model);
        TensorDataset test = data.test(saved.model().inputShape(), saved.preprocessing());
        TrainingRun.checkInput(saved.model(), test, "test");
        Evaluation e = saved.model().compile(new Sgd(1e-3, 0), new CrossEntropy()).evaluate(test, 256);
        stdout.printf(Locale.ROOT, "%s on %s: test accuracy %.4f (%,d of %,d), test loss %.4f%n", model, data.describe(),
                e.accuracy(), Math.round(e.accuracy() * e.samples()), e.samples(), e.loss());
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("test_accuracy", e.accuracy());
            figures.put("test_loss", e.loss());
            figures.put("samples", e.samples());
            stdout.println(Json.line(figures));
        }
        stdout.flush();
        return 0;
    }
}
