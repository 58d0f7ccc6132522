package dev.beak.data;

import dev.beak.dataset.TensorDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a data path holds, told from the files in it: MNIST-named IDX files, CIFAR binary files, or an
 * image folder with one subfolder per class. A folder with files but neither IDX nor CIFAR ones counts as
 * IDX, so that loading it names the missing IDX files; a path that is not a folder counts as an image
 * folder, so that scanning it names the problem.
 *
 * {@snippet :
 * Path dir = Path.of("data");
 * DataFormat format = DataFormat.of(dir);
 * TensorDataset test = format == DataFormat.IMAGE_FOLDER ? null : format.load(dir, "test");
 * }
 */
public enum DataFormat {
    IDX, CIFAR, IMAGE_FOLDER;

    private static final List<String> IDX_IMAGES = List.of("train-images-idx3-ubyte", "t10k-images-idx3-ubyte", "test-images-idx3-ubyte");

    /** The format of the data at {@code path}. */
    public static DataFormat of(Path path) {
        if (Files.isDirectory(path) && Cifar.isCifarDir(path)) return CIFAR;
        if (Files.isDirectory(path) && hasIdx(path)) return IDX;
        return hasSubfolder(path) ? IMAGE_FOLDER : IDX;
    }

    /**
     * The {@code "train"} or {@code "test"} split of an IDX or CIFAR folder, pixels 0..1; a folder without
     * IDX files fails naming them and the other formats it was not either.
     */
    public TensorDataset load(Path dir, String split) throws IOException {
        return switch (this) {
            case CIFAR -> Cifar.loadDir(dir, split);
            case IDX -> {
                try {
                    yield Mnist.loadDir(dir, split);
                } catch (NoSuchFileException e) {
                    throw new NoSuchFileException(e.getFile(), null, e.getReason()
                            + "; nor CIFAR binary files (data_batch_1.bin, test.bin, ...) nor class subfolders of images");
                }
            }
            case IMAGE_FOLDER -> throw new IllegalStateException("image folders are decoded with an input geometry (ImageFolder, InputGeometry), not loaded raw");
        };
    }

    private static boolean hasIdx(Path dir) {
        for (String n : IDX_IMAGES) if (Files.isRegularFile(dir.resolve(n)) || Files.isRegularFile(dir.resolve(n + ".gz"))) return true;
        return false;
    }

    private static boolean hasSubfolder(Path dir) {
        if (!Files.isDirectory(dir)) return true;
        try (var s = Files.list(dir)) {
            return s.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            return true;
        }
    }
}
