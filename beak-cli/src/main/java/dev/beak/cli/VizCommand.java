package dev.beak.cli;

import picocli.CommandLine.Command;

/**
 * {@code beak viz ...}: one subcommand per picture of dev.beak.viz, each writing a PNG. The subcommands
 * ({@link VizBase} and its family) only read options, call the library and print.
 */
@Command(name = "viz", mixinStandardHelpOptions = true,
        description = "Pictures of what a network learned (PNG files; --json adds one JSON line with the key figures).",
        subcommands = {VizCurves.class, VizConfusion.class, VizActivations.class, VizFilters.class, VizPatterns.class, VizClassMax.class,
                VizSaliency.class, VizGradCam.class, VizDream.class, VizStyle.class, VizAdversarial.class})
final class VizCommand {
    private VizCommand() {}
}
