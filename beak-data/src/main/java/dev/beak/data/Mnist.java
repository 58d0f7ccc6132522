package dev.beak.data;

import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MNIST-style datasets from IDX files: images as (N, C, H, W) floats in [0, 1] (bytes divided by
 * 255; C = 1 and H = W = 28 for MNIST; 4-d IDX images (N, H, W, C) are colour images stored channels-last),
 * labels as (N) class indices 0..9 stored as floats.
 *
 * {@snippet :
 * TensorDataset train = Mnist.loadDir(Path.of("data/mnist"), "train"); // x (60000, 1, 28, 28), y (60000,)
 * }
 */
public final class Mnist {
    /** Number of digit classes. */
    public static final int CLASSES = 10;

    private Mnist() {}

    /**
     * Loads a split from its two IDX files (gzipped or not): images must be 3-d (N, H, W) or 4-d
     * (N, H, W, C) unsigned bytes, labels 1-d unsigned bytes (N) with values 0..9.
     */
    public static TensorDataset load(Path images, Path labels) throws IOException {
        return toDataset(IdxReader.read(images), IdxReader.read(labels));
    }

    /**
     * Loads split {@code "train"} or {@code "test"} from {@code dir}, which holds the standard file
     * names with or without {@code .gz}: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
     * and for the test split {@code t10k-images-idx3-ubyte} (the original names) or
     * {@code test-images-idx3-ubyte}, with the matching labels file.
     */
    public static TensorDataset loadDir(Path dir, String split) throws IOException {
        List<String> prefixes = switch (split) {
            case "train" -> List.of("train");
            case "test" -> List.of("t10k", "test");
            default -> throw new IllegalArgumentException("MNIST split must be \"train\" or \"test\", got \"" + split + "\"");
        };
        return load(find(dir, prefixes, "-images-idx3-ubyte"), find(dir, prefixes, "-labels-idx1-ubyte"));
    }

    /** Builds the dataset from already-read IDX files, checking their types, shapes and labels. */
    static TensorDataset toDataset(IdxFile images, IdxFile labels) throws DataFileException {
        if (images.type() != IdxType.UNSIGNED_BYTE || images.rank() < 3 || images.rank() > 4) {
            throw new DataFileException(images.source(), "expected UNSIGNED_BYTE images (N, H, W) or (N, H, W, C), got "
                    + images.rank() + "-d " + images.type() + " " + Arrays.toString(images.dims()));
        }
        if (labels.type() != IdxType.UNSIGNED_BYTE || labels.rank() != 1) {
            throw new DataFileException(labels.source(), "expected 1-d UNSIGNED_BYTE labels (N), got "
                    + labels.rank() + "-d " + labels.type() + " " + Arrays.toString(labels.dims()));
        }
        int n = images.dim(0), h = images.dim(1), w = images.dim(2), c = images.rank() == 4 ? images.dim(3) : 1;
        if (labels.dim(0) != n) {
            throw new DataFileException(labels.source(), "has " + labels.dim(0) + " labels but "
                    + images.source() + " has " + n + " images; the counts must match");
        }
        byte[] labelBytes = labels.bytes();
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int label = labelBytes[i] & 0xFF;
            if (label >= CLASSES) {
                throw new DataFileException(labels.source(), "label at index " + i + " is " + label
                        + ", expected 0 to " + (CLASSES - 1));
            }
            y[i] = label;
        }
        byte[] pixels = images.bytes();
        float[] x = new float[pixels.length];
        // IDX colour images are stored channels-last (N, H, W, C); Beak is channels-first (N, C, H, W).
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < plane; p++) {
                for (int ch = 0; ch < c; ch++) x[(i * c + ch) * plane + p] = (pixels[(i * plane + p) * c + ch] & 0xFF) / 255f;
            }
        }
        return new TensorDataset(Tensor.of(x, n, c, h, w), Tensor.of(y, n));
    }

    private static Path find(Path dir, List<String> prefixes, String suffix) throws NoSuchFileException {
        List<String> tried = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String name : List.of(prefix + suffix, prefix + suffix + ".gz")) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) return p;
                tried.add(name);
            }
        }
        throw new NoSuchFileException(dir.toString(), null, "no MNIST file here; looked for " + String.join(", ", tried));
    }
}
