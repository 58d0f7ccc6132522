package dev.beak.cli;

import dev.beak.viz.Filters;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "filters", mixinStandardHelpOptions = true, description = "The first convolution's weights as pictures, with their scale.")
final class VizFilters extends VizOnModel {
    @Override
    void draw(PrintWriter stdout) throws Exception {
        Filters f = Filters.firstLayer(model());
        f.writePng(out());
        int[] s = f.weights().shape();
        wrote(stdout, out(), s[0] + " filters of " + s[2] + "x" + s[3] + " over " + s[1] + " channel(s)");
        figures.put("filters", s[0]);
    }
}
