package dev.beak.cli;

import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;
import dev.beak.viz.DeepDream;
import dev.beak.viz.ImageMath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

@Command(name = "dream", mixinStandardHelpOptions = true, description = "Deep Dream: amplify what a layer sees in a test image, over octaves.")
final class VizDream extends VizOnData {
    @Option(names = "--layer", required = true, description = "The layer whose activations are amplified, e.g. conv2d_1.")
    String layer;

    @Option(names = "--size", defaultValue = "0", description = "Resize the image to SIZE x SIZE first (0: keep the model's input size; "
            + "other sizes work where the layers up to --layer are convolutional).")
    int size;

    @Option(names = "--octaves", defaultValue = "3", description = "Octaves (default: ${DEFAULT-VALUE}).")
    int octaves;

    @Option(names = "--steps", defaultValue = "30", description = "Steps per octave (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--step-size", defaultValue = "0.03", description = "Step as a fraction of the input range (default: ${DEFAULT-VALUE}).")
    double stepSize;

    @Override
    void draw(PrintWriter stdout) throws Exception {
        Model m = model();
        Tensor x = inputs(m, 1).slice(0, 1).x();
        if (size > 0) x = ImageMath.resize(x, size, size);
        DeepDream.Options o = DeepDream.Options.defaults().withOctaves(octaves).withSteps(steps).withStepSize(stepSize).withRange(lo(), hi());
        DeepDream d = DeepDream.of(m, x, layer, o, progress("Deep Dream"));
        d.writePng(x, lo(), hi(), out());
        double[] obj = d.objective();
        wrote(stdout, out(), String.format(Locale.ROOT, "%s at %s, %dx%d; mean square activation per octave %s", first(null), d.layer(),
                x.dim(2), x.dim(3), Arrays.toString(Arrays.stream(obj).mapToObj(v -> String.format(Locale.ROOT, "%.4g", v)).toArray())));
        figures.put("layer", d.layer());
        figures.put("final_objective", obj[obj.length - 1]);
    }
}
