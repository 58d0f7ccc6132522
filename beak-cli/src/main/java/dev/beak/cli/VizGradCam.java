package dev.beak.cli;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.viz.GradCam;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Arrays;

@Command(name = "gradcam", mixinStandardHelpOptions = true, description = "Grad-CAM heatmaps of the predicted class laid over test images.")
final class VizGradCam extends VizOnData {
    /** Images per Grad-CAM pass: the progress bar moves once per batch. */
    private static final int BATCH = 16;

    @Option(names = "--count", defaultValue = "8", description = "How many test images (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--layer", description = "Convolution layer (default: the last one).")
    String layer;

    @Override
    void draw(PrintWriter stdout) throws Exception {
        Model m = model();
        TensorDataset t = inputs(m, count);
        GradCam cam = GradCam.of(m, t.x(), layer, null, BATCH, progress("Grad-CAM"));
        cam.writePng(t.x(), lo(), hi(), out());
        wrote(stdout, out(), source(t.size()) + " at " + cam.layer() + ", predicted classes " + Arrays.toString(cam.classes()));
        figures.put("layer", cam.layer());
        figures.put("images", t.size());
        figures.put("classes", cam.classes());
    }
}
