package dev.beak.cli;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.viz.Saliency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Arrays;

@Command(name = "saliency", mixinStandardHelpOptions = true, description = "Saliency maps |d score / d input| for test images.")
final class VizSaliency extends VizOnData {
    @Option(names = "--count", defaultValue = "8", description = "How many test images (default: ${DEFAULT-VALUE}).")
    int count;

    @Override
    void draw(PrintWriter stdout) throws Exception {
        Model m = model();
        TensorDataset t = inputs(m, count);
        Saliency s = Saliency.of(m, t.x(), null);
        s.writePng(t.x(), lo(), hi(), out());
        wrote(stdout, out(), source(t.size()) + ", predicted classes " + Arrays.toString(s.classes()));
        figures.put("images", t.size());
        figures.put("classes", s.classes());
    }
}
