package dev.beak.cli;

import dev.beak.viz.GradientAscent;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** Options shared by the gradient-ascent pictures (patterns, classmax), and their report. */
abstract class VizAscent extends VizOnModel {
    @Option(names = "--steps", defaultValue = "100", description = "Gradient-ascent steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the starting noise and the jitter (default: ${DEFAULT-VALUE}).")
    long seed;

    GradientAscent.Options options(double decay) {
        return GradientAscent.Options.defaults().withSteps(steps).withRange(lo(), hi()).withSeed(seed).withDecay(decay);
    }

    void report(PrintWriter stdout, GradientAscent.Result r, String unit) throws IOException {
        r.writePng(out());
        wrote(stdout, out(), String.format(Locale.ROOT, "%d %s of %s; mean score %.4g (from %.4g at the start)",
                r.units().length, unit, r.layer(), r.meanFinalScore(), r.meanStartScore()));
        figures.put("layer", r.layer());
        figures.put("mean_start_score", r.meanStartScore());
        figures.put("mean_final_score", r.meanFinalScore());
        figures.put("mean_gain", r.meanGain());
    }
}
