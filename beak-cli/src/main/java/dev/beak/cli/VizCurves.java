package dev.beak.cli;

import dev.beak.viz.TrainingCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "curves", mixinStandardHelpOptions = true,
        description = "Accuracy and loss per epoch, training vs validation, best validation epoch marked (PNG, and SVG with --svg).")
final class VizCurves extends VizBase {
    @Parameters(index = "0", paramLabel = "HISTORY", description = "A history CSV (from train/demo), or a .beak model file with its .history.csv beside it.")
    Path history;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also write the curves as SVG.")
    Path svg;

    @Override
    void draw(PrintWriter stdout) throws Exception {
        Path csv = history.toString().endsWith(".csv") ? history : TrainingRun.historyPath(history);
        if (!Files.exists(csv)) throw new IllegalArgumentException("no history CSV at " + csv + " (train writes MODEL.history.csv beside the model)");
        TrainingCurves c = TrainingCurves.readCsv(csv);
        c.writePng(out());
        int best = c.bestEpoch();
        wrote(stdout, out(), c.epochs() + " epochs" + (best > 0 ? ", best validation loss at epoch " + best : ""));
        if (svg != null) {
            c.writeSvg(svg);
            wrote(stdout, svg, "the same as SVG");
        }
        figures.put("epochs", c.epochs());
        figures.put("best_epoch", best);
        if (best > 0) {
            figures.put("best_val_loss", c.values("val_loss")[best - 1]);
            double[] va = c.values("val_accuracy");
            if (va != null) figures.put("best_val_accuracy", va[best - 1]);
        }
    }
}
