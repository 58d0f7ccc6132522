package dev.beak.cli;

import dev.beak.nn.Model;
import dev.beak.nn.metric.ConfusionMatrix;
import dev.beak.viz.ConfusionChart;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

@Command(name = "confusion", mixinStandardHelpOptions = true, description = "Confusion matrix of a model on the test images.")
final class VizConfusion extends VizOnData {
    @Override
    void draw(PrintWriter stdout) throws Exception {
        if (!labelled()) throw new IllegalArgumentException("confusion needs labelled test data (--data or the IDX options), not --image");
        Model m = model();
        ConfusionMatrix cm = ConfusionMatrix.of(m, test(m), 256, progress("Confusion matrix"));
        new ConfusionChart(cm).writePng(out());
        ConfusionMatrix.Confusion worst = cm.mostConfused();
        wrote(stdout, out(), String.format(Locale.ROOT, "accuracy %.4f on %,d images; most confused: %d taken for %d (%d times)",
                cm.accuracy(), cm.total(), worst.truth(), worst.predicted(), worst.count()));
        figures.put("accuracy", cm.accuracy());
        figures.put("samples", cm.total());
        figures.put("most_confused", List.of(worst.truth(), worst.predicted())); // true class, predicted class
        figures.put("most_confused_count", worst.count());
    }
}
