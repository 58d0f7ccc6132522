package dev.beak.cli;

import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.StretchedImages;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.train.TrainingChecks;
import dev.beak.tensor.Tensor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code beak viz} commands that also read test images, or image files given with --image. */
abstract class VizOnData extends VizOnModel {
    @Mixin DataOptions data;

    @Option(names = "--index", defaultValue = "0", description = "First test image to use (default: ${DEFAULT-VALUE}).")
    int index;

    @Option(names = "--image", paramLabel = "FILE", split = ",",
            description = "Image files (PNG, JPEG, ...) to use instead of test images, resized to the model's input.")
    List<Path> images;

    /** True when the inputs come from the test data, with labels. */
    boolean labelled() {
        return images == null;
    }

    /**
     * {@code count} inputs from --index of the test data, or the --image files (labels -1), both with the
     * preprocessing saved in the model file.
     */
    TensorDataset inputs(Model model, int count) throws Exception {
        if (images != null) return imageFiles(images, model);
        TensorDataset t = test(model);
        if (index < 0 || index >= t.size()) throw new IllegalArgumentException("--index " + index + " is outside 0.." + (t.size() - 1));
        return t.slice(index, Math.min(t.size(), index + Math.max(1, count)));
    }

    /** Image files decoded as the model file's input geometry says (as its training data was), else stretched into --range. */
    TensorDataset imageFiles(List<Path> files, Model model) throws Exception {
        InputGeometry g = saved().inputGeometry();
        TensorDataset raw = g != null ? new TensorDataset(g.read(files), Tensor.full(-1f, files.size()))
                : StretchedImages.read(files, model.inputShape(), lo(), hi());
        return saved().preprocessing().applyTo(raw);
    }

    /** The test data as a whole (for figures over a data set). */
    TensorDataset test(Model model) throws Exception {
        TensorDataset t = data.test(modelArg, saved());
        TrainingChecks.checkInput(model, t.sampleShape(), "test");
        output.status("%s: %,d test images from %s", spec.name(), t.size(), data.describe());
        return t;
    }

    /** What {@code n} inputs were, for the report line. */
    String source(int n) {
        return images != null ? n + " image file(s)" : n + " test image(s) from " + index;
    }

    /** What the first input was: the image file, or the test image and its label when {@code label} is not null. */
    String first(Float label) {
        if (images != null) return images.get(0).toString();
        return "test image " + index + (label != null ? " (label " + label.intValue() + ")" : "");
    }
}
