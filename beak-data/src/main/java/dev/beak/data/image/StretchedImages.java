package dev.beak.data.image;

import dev.beak.data.DataFileException;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.nio.file.Path;
import java.util.List;

/**
 * Image files for a model that says nothing about how its inputs were made (an ONNX graph, a zoo network,
 * a model file without an {@link InputGeometry}): decoded as training decodes image folders (one grey
 * conversion, one resize), stretched to the model's input (C, H, W) and with pixels mapped from 0..1 to
 * the model's input range [lo, hi]. A model file that stores its geometry should use
 * {@link InputGeometry#read} instead, which repeats its training pipeline exactly.
 *
 * {@snippet : TensorDataset x = StretchedImages.read(List.of(Path.of("cat.jpg")), new int[] {3, 224, 224}, 0, 1); }
 */
public final class StretchedImages {
    private StretchedImages() {}

    /** The files as (N, C, H, W) in [lo, hi] for an input of {@code shape} (1 or 3, H, W), labelled -1. */
    public static TensorDataset read(List<Path> files, int[] shape, float lo, float hi) throws DataFileException {
        if (shape == null || shape.length != 3 || (shape[0] != 1 && shape[0] != 3)) {
            throw new IllegalArgumentException("image files need a model that takes (1 or 3, H, W) images, this one takes "
                    + (shape == null ? "no fixed shape" : Shape.toString(shape)));
        }
        if (!(hi > lo)) throw new IllegalArgumentException("the input range must have lo < hi, got " + lo + ", " + hi);
        Tensor x = InputGeometry.of(shape[1], shape[2], shape[0] == 1 ? ColorMode.GREY : ColorMode.RGB, ResizeMode.STRETCH, InputRange.UNIT).read(files);
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * d[i];
        return new TensorDataset(x, Tensor.full(-1f, files.size()));
    }
}
