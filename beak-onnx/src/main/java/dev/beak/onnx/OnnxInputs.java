package dev.beak.onnx;

import dev.beak.data.image.ColorMode;
import dev.beak.data.image.FloatImage;
import dev.beak.data.image.ImageFiles;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The inputs of an imported ONNX model read from files, one per model input: a TensorProto
 * ({@code .pb}, as the ONNX backend tests store them) as it is, or an image decoded by beak-data as
 * training decodes image folders (one grey conversion), stretched to the model's input size, values
 * 0..1, batch 1. A model without a fixed input size takes the image at its own size.
 *
 * {@snippet :
 * OnnxModel onnx = OnnxImporter.load(Path.of("model.onnx"));
 * Tensor[] y = onnx.run(OnnxInputs.read(onnx, List.of(Path.of("cat.jpg"))));
 * }
 */
public final class OnnxInputs {
    private OnnxInputs() {}

    /** One tensor per input of {@code model}, in order; fails naming the model when the count differs. */
    public static Tensor[] read(OnnxModel model, Path modelFile, List<Path> files) throws IOException {
        if (files.size() != model.inputNames().size()) {
            throw new IllegalArgumentException(modelFile + " takes " + model.inputNames().size() + " inputs " + model.inputNames()
                    + ", got " + files.size() + " --input");
        }
        int[][] shapes = model.model().inputShapes();
        Tensor[] xs = new Tensor[files.size()];
        for (int i = 0; i < xs.length; i++) xs[i] = read(files.get(i), shapes[i]);
        return xs;
    }

    /** {@code file} as an input of per-sample shape {@code perSample}: a {@code .pb} tensor as stored, an image as (1, C, H, W). */
    public static Tensor read(Path file, int[] perSample) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".pb")) return OnnxTensors.toTensor(OnnxTensors.read(file));
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no such file: " + file);
        if (!ImageFiles.hasImageExtension(file)) {
            throw new IllegalArgumentException(file + " is neither a .pb tensor nor an image (" + ImageFiles.EXTENSIONS + ")");
        }
        int[] chw = perSample;
        if (chw.length != 3) { // no fixed input size: the image's own
            FloatImage img = ImageFiles.decode(file);
            chw = new int[] {img.channels(), img.height(), img.width()};
        }
        int c = chw[0], h = chw[1], w = chw[2];
        if (c != 1 && c != 3) throw new IllegalArgumentException(file + ": the model takes " + c + " channels; images give 1 or 3");
        return InputGeometry.of(h, w, c == 1 ? ColorMode.GREY : ColorMode.RGB, ResizeMode.STRETCH, InputRange.UNIT).read(List.of(file));
    }
}
