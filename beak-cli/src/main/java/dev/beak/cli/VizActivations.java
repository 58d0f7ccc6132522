package dev.beak.cli;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.viz.Activations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

@Command(name = "activations", mixinStandardHelpOptions = true,
        description = "Every channel's feature map of chosen layers for one test image (one PNG per layer).")
final class VizActivations extends VizOnData {
    @Option(names = "--layers", paramLabel = "NAMES", split = ",", description = "Layers to show (default: every layer with feature maps).")
    List<String> layers;

    @Override
    void draw(PrintWriter stdout) throws Exception {
        Model m = model();
        TensorDataset one = inputs(m, 1);
        Activations a = Activations.of(m, one.slice(0, 1).x());
        List<String> names = layers != null ? layers : a.imageLayers();
        for (String name : names) {
            Path file = names.size() == 1 ? out() : out(name);
            a.writePng(name, file);
            wrote(stdout, file, String.format(Locale.ROOT, "%s for %s, %.0f%% zeros", name, first(one.y().data()[0]), 100 * a.zeroFraction(name)));
            figures.put("zero_fraction_" + name, a.zeroFraction(name));
        }
        figures.put("index", index);
    }
}
