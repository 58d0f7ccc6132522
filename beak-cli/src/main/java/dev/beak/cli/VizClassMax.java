package dev.beak.cli;

import dev.beak.viz.GradientAscent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "classmax", mixinStandardHelpOptions = true,
        description = "For each class, the input that maximises its score (gradient ascent from noise, L2 decay).")
final class VizClassMax extends VizAscent {
    @Option(names = "--classes", paramLabel = "LIST", description = "Classes to show, e.g. 3,8 (default: all).")
    String classes;

    @Option(names = "--decay", defaultValue = "0.01", description = "Pull towards the middle of the range per step (default: ${DEFAULT-VALUE}).")
    double decay;

    @Override
    void draw(PrintWriter stdout) throws Exception {
        report(stdout, GradientAscent.classInputs(model(), ints(classes, "--classes"), options(decay), progress("Class maximisation")), "classes");
    }
}
