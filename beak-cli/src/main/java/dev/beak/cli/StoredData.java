package dev.beak.cli;

import dev.beak.data.image.ColorMode;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.data.preprocess.PreprocessKind;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.data.preprocess.Preprocessor;
import dev.beak.io.SavedModel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a model file fixes about its data: the fitted preprocessing, the input geometry (null when
 * the file has none) and the class names (empty when it has none). The file decides; a flag may
 * repeat what it says but never contradict it, since the weights were trained on exactly that data.
 */
record StoredData(String file, Preprocessing preprocessing, InputGeometry geometry, List<String> classes) {
    StoredData {
        classes = List.copyOf(classes);
    }

    static StoredData of(String file, SavedModel saved) {
        return new StoredData(file, saved.preprocessing(), saved.inputGeometry(), saved.classNames());
    }

    /** Fails unless {@code given} (a --preprocess list, or null) names the stored steps in order. */
    void checkPreprocessing(List<PreprocessKind> given) {
        if (given == null) return;
        List<PreprocessKind> stored = preprocessing.steps().stream().map(p -> PreprocessKind.parse(p.type())).toList();
        if (!given.equals(stored)) {
            throw conflict("--preprocess " + given.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList(),
                    "was trained with preprocessing " + preprocessing.steps().stream().map(Preprocessor::type).toList()
                            + " (kept as fitted then)");
        }
    }

    /** Fails unless a folder's classes are the stored ones (labels are indices into the sorted class folders). */
    void checkClasses(List<String> folderClasses, Path folder) {
        if (!classes.isEmpty() && !classes.equals(folderClasses)) {
            throw new IllegalArgumentException(folder + " has the classes " + folderClasses + " but " + file + " was trained on " + classes
                    + "; the labels would not match its outputs");
        }
    }

    /** The stored geometry, after checking that the image flags given (null when not given) agree with it. */
    InputGeometry geometry(int[] size, ColorMode color, ResizeMode resize) {
        if (size != null && (size[0] != geometry.height() || size[1] != geometry.width())) {
            throw conflict("--image-size " + size[0] + "x" + size[1], imagesWere());
        }
        if (color != null && color != geometry.color()) throw conflict("--color " + color.name().toLowerCase(Locale.ROOT), imagesWere());
        if (resize != null && resize != geometry.resize()) throw conflict("--resize " + resize.name().toLowerCase(Locale.ROOT), imagesWere());
        return geometry;
    }

    /** Fails when IDX or CIFAR data (read as 0..1) goes to a model whose file says it takes pixels 0..255. */
    void checkUnitRange(String data) {
        if (geometry != null && geometry.range() != InputRange.UNIT) {
            throw new IllegalArgumentException(file + " takes pixels 0.." + geometry.range().max() + " (" + geometry.describe()
                    + ") but " + data + " is read as 0..1; give it an image folder");
        }
    }

    /** Fails when training samples ({@code augmented}: the decoded images after augmentation) are not the model's crop. */
    void checkCrop(int[] augmented) {
        if (!Arrays.equals(augmented, geometry.sampleShape())) {
            throw new IllegalArgumentException("augmentation makes " + dev.beak.tensor.Shape.toString(augmented) + " samples from the "
                    + geometry.height() + "x" + geometry.width() + " images of " + file + ", but its inputs are "
                    + dev.beak.tensor.Shape.toString(geometry.sampleShape())
                    + (geometry.cropped() ? " (give --augment crop=" + geometry.cropHeight() + "x" + geometry.cropWidth() + ")" : " (drop the crop)"));
        }
    }

    private String imagesWere() {
        return "was trained on images decoded as " + geometry.describe();
    }

    private IllegalArgumentException conflict(String flag, String what) {
        return new IllegalArgumentException(flag + " contradicts " + file + ", which " + what + "; drop the flag (the file decides)");
    }
}
