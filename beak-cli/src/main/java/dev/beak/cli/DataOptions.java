package dev.beak.cli;

import dev.beak.data.DataFormat;
import dev.beak.data.EmbeddedMnist;
import dev.beak.data.Mnist;
import dev.beak.data.Downloader;
import dev.beak.data.PublicDataset;
import dev.beak.data.SkipReport;
import dev.beak.data.augment.Augmentation;
import dev.beak.data.image.ColorMode;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.ResizeMode;
import dev.beak.data.loader.DataLoader;
import dev.beak.data.preprocess.PreprocessKind;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.dataset.BatchSource;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.SavedModel;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The data group of every command that reads test data (evaluate, predict, report, viz): IDX files
 * (MNIST, Fashion-MNIST), CIFAR binary folders, or an image folder with one subfolder per class
 * (decoded and resized); by default the embedded MNIST sample. For a model file, what the file stores
 * (preprocessing, input geometry, class names, the validation split it was trained with) decides; flags
 * may repeat it but not contradict it (see {@link StoredData}). Training adds its own options
 * (training files, split, augmentation, preprocessing) in {@link TrainDataOptions}, so that the other
 * commands do not offer them.
 */
class DataOptions {
    @Option(names = "--data", paramLabel = "PATH",
            description = "IDX folder (MNIST names), CIFAR binary folder, image folder (one subfolder per class), or mnist, fashion-mnist, "
                    + "cifar10, cifar100: a local copy (a system package's, e.g. Debian's dataset-fashion-mnist, or beak data get's cache), "
                    + "else downloaded into the cache. Default: the embedded 10k MNIST sample.")
    Path given;

    private Path resolved;
    private FolderSplit storedSplit;

    @Option(names = "--test-data", paramLabel = "DIR",
            description = "Separate image folder for validation/test (else the validation split of --data that training held out).")
    Path testDir;

    @Option(names = "--test-images", paramLabel = "FILE", description = "IDX file of test images.")
    Path testImages;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "IDX file of test labels.")
    Path testLabels;

    @Option(names = "--image-size", paramLabel = "H[xW]",
            description = "Image folders: target size (default: what the model file says, else the model's input size).")
    String imageSize;

    @Option(names = "--color", description = "Image folders: rgb or grey (default: what the model file says, else the model's input channels).")
    String color;

    @Option(names = "--resize",
            description = "Image folders: crop (keep aspect, cut the centre) or stretch (default: what the model file says, else crop).")
    String resize;

    @Option(names = "--skip-bad", description = "Skip unreadable or corrupt image files, list them at the end, and go on.")
    boolean skipBad;

    @Option(names = "--loader-threads", description = "Threads that decode and augment in the background (default: cores).")
    Integer loaderThreads;

    /** What training gets: batches of the (augmented, preprocessed) training split and the prepared test split. */
    record Prepared(BatchSource train, int trainSize, TensorDataset test, Preprocessing preprocessing, InputGeometry geometry,
                    SkipReport skipped, List<String> classes, DataLoader loader) implements AutoCloseable {
        @Override
        public void close() {
            loader.close();
        }
    }

    enum Kind { EMBEDDED, IDX, CIFAR, FOLDER }

    /** The --data path, a public dataset's name turned into its local copy (fetched on first use when there is none). */
    Path dir() {
        if (resolved == null && given != null) {
            try {
                resolved = resolveNamed(given);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return resolved;
    }

    static boolean isDatasetName(String v) {
        return PublicDataset.isName(v);
    }

    /** A public dataset's name (when no such file or folder exists here) as its local copy, fetched first if there is none. */
    static Path resolveNamed(Path given) throws IOException {
        return PublicDataset.resolve(given, Downloader.defaultCache(), System.err::println);
    }

    Kind kind() {
        if (trainImages() != null || testImages != null || trainLabels() != null || testLabels != null) return Kind.IDX;
        if (dir() == null) return Kind.EMBEDDED;
        return switch (DataFormat.of(dir())) {
            case CIFAR -> Kind.CIFAR;
            case IDX -> Kind.IDX;
            case IMAGE_FOLDER -> Kind.FOLDER;
        };
    }

    /**
     * The test split for the model in {@code file}, as training's validation pipeline made it: image
     * folders are decoded with the file's input geometry (the flags only where the file has none) and
     * everything gets the file's preprocessing. Only the test images are decoded.
     */
    TensorDataset test(String file, SavedModel saved) throws IOException {
        StoredData stored = StoredData.of(file, saved);
        storedSplit = FolderSplit.of(saved.metadata());
        stored.checkPreprocessing(preprocessKinds());
        if (kind() != Kind.FOLDER) {
            stored.checkUnitRange(describe());
            return stored.preprocessing().applyTo(rawSplit("test"));
        }
        ImageFolder.Split folders = folders();
        stored.checkClasses(folders.train().classes(), dir());
        InputGeometry g = geometry(saved.model().inputShape(), augmentation(), stored);
        return stored.preprocessing().applyTo(g.load(folders.validation(), threads(), new SkipReport(), skipBad));
    }

    String describe() {
        return switch (kind()) {
            case EMBEDDED -> "the embedded MNIST sample (8,000 train / 2,000 test)";
            case IDX -> dir() != null ? dir() + " (IDX)" : "IDX files";
            case CIFAR -> dir() + " (CIFAR binary)";
            case FOLDER -> dir() + " (image folder" + (testDir != null ? ", test " + testDir : ", validation split " + split().fraction()) + ")";
        };
    }

    /** The --preprocess list, or null when not given: only training chooses preprocessing. */
    List<PreprocessKind> preprocessKinds() {
        return null;
    }

    /** Training's --augment, parsed; null elsewhere. */
    Augmentation augmentation() {
        return null;
    }

    /** Training's --train-images/--train-labels; null elsewhere. */
    Path trainImages() {
        return null;
    }

    Path trainLabels() {
        return null;
    }

    /**
     * Image folders without --test-data: the fraction held out per class and the seed. Here, the split
     * the model file says it was trained with (else the training default); training sets it by flags.
     */
    FolderSplit split() {
        return storedSplit != null ? storedSplit : FolderSplit.DEFAULT;
    }

    int threads() {
        return loaderThreads != null ? loaderThreads : Runtime.getRuntime().availableProcessors();
    }

    /** The image folder split into training and test folders (--test-data, else --validation-split of --data). */
    ImageFolder.Split folders() throws IOException {
        return ImageFolder.split(dir(), testDir, split().fraction(), split().seed());
    }

    /**
     * How image files become inputs: the model file's geometry when it has one (flags may only repeat
     * it), else the flags and the model's input shape, with the centre crop of augmentation's crops.
     */
    InputGeometry geometry(int[] modelInput, Augmentation aug, StoredData stored) {
        if (stored != null && stored.geometry() != null) return stored.geometry(sizeFlag(), colorFlag(), resizeFlag());
        if (sizeFlag() == null && (modelInput == null || modelInput.length != 3)) throw new IllegalArgumentException("give --image-size for image folders");
        // A training crop to the model's input decodes a little larger, as AlexNet's 224 out of 256.
        return withCrop(InputGeometry.forModel(modelInput, sizeFlag(), colorFlag(), resizeFlag(), cropSize() != null), aug);
    }

    /** IDX and CIFAR samples (C, H, W) as image files would have to be decoded for the same model: that size, 0..1. */
    static InputGeometry sampleGeometry(int[] chw, Augmentation aug) {
        InputGeometry g = InputGeometry.ofSamples(chw);
        return g == null ? null : withCrop(g, aug);
    }

    private static InputGeometry withCrop(InputGeometry g, Augmentation aug) {
        return aug == null ? g : aug.evaluationGeometry(g);
    }

    private int[] sizeFlag() {
        return imageSize == null ? null : AugmentSpec.size(imageSize);
    }

    private ColorMode colorFlag() {
        if (color == null) return null;
        return switch (color.toLowerCase(Locale.ROOT)) {
            case "rgb" -> ColorMode.RGB;
            case "grey", "gray", "grayscale", "greyscale" -> ColorMode.GREY;
            default -> throw new IllegalArgumentException("--color must be rgb or grey, got " + color);
        };
    }

    private ResizeMode resizeFlag() {
        if (resize == null) return null;
        return switch (resize.toLowerCase(Locale.ROOT)) {
            case "crop" -> ResizeMode.CROP;
            case "stretch" -> ResizeMode.STRETCH;
            default -> throw new IllegalArgumentException("--resize must be crop or stretch, got " + resize);
        };
    }

    /** Training's --augment crop size, or null. */
    int[] cropSize() {
        return null;
    }

    TensorDataset rawSplit(String split) throws IOException {
        return switch (kind()) {
            case EMBEDDED -> split.equals("train") ? EmbeddedMnist.train() : EmbeddedMnist.test();
            case CIFAR -> DataFormat.CIFAR.load(dir(), split);
            case IDX -> {
                Path images = split.equals("train") ? trainImages() : testImages, labels = split.equals("train") ? trainLabels() : testLabels;
                if (images != null || labels != null) {
                    if (images == null || labels == null) throw new IllegalArgumentException("--" + split + "-images and --" + split + "-labels go together");
                    yield Mnist.load(images, labels);
                }
                if (dir() == null) throw new IllegalArgumentException("give --" + split + "-images and --" + split + "-labels, or --data DIR");
                yield DataFormat.IDX.load(dir(), split);
            }
            case FOLDER -> throw new IllegalStateException("image folders are prepared, not read raw");
        };
    }
}
