package dev.beak.cli;

import dev.beak.viz.GradientAscent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "patterns", mixinStandardHelpOptions = true,
        description = "For filters of a layer, the input that maximises the filter's mean activation (gradient ascent from noise).")
final class VizPatterns extends VizAscent {
    @Option(names = "--layer", required = true, description = "A layer with feature maps, e.g. conv2d_1.")
    String layer;

    @Option(names = "--filters", paramLabel = "LIST", description = "Filters to show, e.g. 0,1,2 (default: all).")
    String filters;

    @Override
    void draw(PrintWriter stdout) throws Exception {
        report(stdout, GradientAscent.filterPatterns(model(), layer, ints(filters, "--filters"), options(0), progress("Filter patterns")), "filters");
    }
}
