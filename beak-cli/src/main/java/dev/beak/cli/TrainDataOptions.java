package dev.beak.cli;

import dev.beak.data.SkipReport;
import dev.beak.data.augment.Augmentation;
import dev.beak.data.augment.Augmentations;
import dev.beak.data.image.ImageDataset;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.loader.DataLoader;
import dev.beak.data.preprocess.PreprocessKind;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.dataset.Dataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Shape;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data group of {@code beak train}: everything {@link DataOptions} reads, plus what only training
 * chooses (training IDX files, the validation split of an image folder, augmentation, preprocessing fitted
 * on the training split). Other commands mix in plain {@link DataOptions}, so they reject these options.
 */
final class TrainDataOptions extends DataOptions {
    @Option(names = "--train-images", paramLabel = "FILE", description = "IDX file of training images.")
    Path trainImages;

    @Option(names = "--train-labels", paramLabel = "FILE", description = "IDX file of training labels.")
    Path trainLabels;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "Image folders without --test-data: fraction held out per class (default: ${DEFAULT-VALUE}; saved in the model file).")
    double validationSplit;

    @Option(names = "--split-seed", defaultValue = "42", description = "Seed of the validation split (default: ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(names = "--augment", paramLabel = "SPEC", description = "Training augmentation. " + AugmentSpec.HELP)
    String augment;

    @Option(names = "--preprocess", paramLabel = "LIST", split = ",",
            description = "Steps fitted on the training split: rescale, pixel-mean, channel-mean, standardize, min-max, pca, zca "
                    + "(default: what the model file says, else rescale for image folders).")
    List<String> preprocess;

    @Option(names = "--whiten-eps", defaultValue = "0.01", description = "Epsilon of PCA/ZCA whitening (default: ${DEFAULT-VALUE}).")
    double whitenEps;

    @Override
    Path trainImages() {
        return trainImages;
    }

    @Override
    Path trainLabels() {
        return trainLabels;
    }

    @Override
    FolderSplit split() {
        return new FolderSplit(validationSplit, splitSeed);
    }

    /** What the model file records so that other commands test on the same images: the split, for image folders without --test-data. */
    java.util.Map<String, String> splitMetadata() {
        return kind() == Kind.FOLDER && testDir == null ? split().metadata() : java.util.Map.of();
    }

    @Override
    Augmentation augmentation() {
        return AugmentSpec.parse(augment);
    }

    @Override
    int[] cropSize() {
        if (augment == null) return null;
        for (String p : augment.split(",")) if (p.trim().startsWith("crop=")) return AugmentSpec.size(p.trim().substring(5));
        return null;
    }

    /** The --preprocess list, or null when the flag was not given ({@code none} gives an empty list). */
    @Override
    List<PreprocessKind> preprocessKinds() {
        if (preprocess == null) return null;
        List<PreprocessKind> kinds = new ArrayList<>();
        for (String p : preprocess) {
            if (!p.isBlank() && !p.equals("none")) kinds.add(PreprocessKind.parse(p));
        }
        return kinds;
    }

    /**
     * Loads and prepares everything for training a model whose input is {@code modelInput} (or null).
     * With {@code stored} (continuing from a model file) its preprocessing, input geometry and class names
     * are kept; else preprocessing is fitted on the training split only. Augmentation applies to training only.
     */
    DataOptions.Prepared prepare(int[] modelInput, int batchSize, long seed, StoredData stored) throws IOException {
        SkipReport skipped = new SkipReport();
        Augmentation aug = augmentation();
        int threads = threads();
        List<PreprocessKind> kinds = preprocessKinds();
        if (stored != null) stored.checkPreprocessing(kinds);
        if (kinds == null) kinds = kind() == Kind.FOLDER ? List.of(PreprocessKind.RESCALE) : List.of();

        Dataset train;
        TensorDataset test;
        List<String> classes;
        InputGeometry geometry;
        Preprocessing scaling = Preprocessing.NONE;
        if (kind() == Kind.FOLDER) {
            ImageFolder.Split folders = folders();
            classes = folders.train().classes();
            if (stored != null) stored.checkClasses(classes, dir());
            geometry = geometry(modelInput, aug, stored);
            if (stored != null && stored.geometry() != null) {
                int[] decoded = {geometry.color().channels(), geometry.height(), geometry.width()};
                stored.checkCrop(aug != null ? aug.outputShape(decoded) : decoded);
            }
            ImageDataset lazy = folders.train().dataset(geometry.imageOptions(skipBad));
            long bytes = 4L * lazy.size() * Shape.size(lazy.sampleShape());
            train = bytes <= DataOptions.IN_MEMORY_LIMIT ? lazy.load(threads, skipped) : lazy;
            test = geometry.load(folders.validation(), threads, skipped, skipBad);
            scaling = geometry.scaling(); // the loader scales the training images after augmenting them, as load() did the test images
        } else {
            if (stored != null) stored.checkUnitRange(describe());
            train = rawSplit("train");
            test = rawSplit("test");
            classes = stored != null ? stored.classes() : List.of();
            geometry = stored != null && stored.geometry() != null ? stored.geometry() : sampleGeometry(train.sampleShape(), aug);
            if (aug != null && !Arrays.equals(aug.outputShape(train.sampleShape()), train.sampleShape())) {
                // Training sees random crops; validation sees the centre crop of the same size.
                int[] out = aug.outputShape(train.sampleShape());
                test = new TensorDataset(Augmentations.centerCrop(out[1], out[2]).applyBatch(test.x(), new java.util.SplittableRandom(0)), test.y());
            }
        }
        Preprocessing pre = stored != null ? stored.preprocessing() : Preprocessing.NONE;
        if (stored == null && !kinds.isEmpty()) {
            // Fitted on the plain training split; a lazily decoded one is read by a loader (parallel, skipping bad files).
            Dataset plainTrain = scaling.view(train);
            try (DataLoader plain = DataLoader.builder(plainTrain).batchSize(256).threads(threads).skipBad(skipBad ? skipped : null).build()) {
                pre = Preprocessing.fit(plainTrain instanceof TensorDataset t ? dev.beak.dataset.Batches.inOrder(t, 256) : plain, kinds, whitenEps);
            }
        }
        test = pre.applyTo(test);
        List<dev.beak.data.preprocess.Preprocessor> steps = new ArrayList<>(scaling.steps());
        steps.addAll(pre.steps());
        DataLoader loader = DataLoader.builder(train).batchSize(batchSize).shuffle(seed).augment(aug).preprocess(new Preprocessing(steps))
                .threads(threads).prefetch(Math.max(4, 2 * threads)).skipBad(skipBad ? skipped : null).build();
        return new DataOptions.Prepared(loader, train.size(), test, pre, geometry, skipped, classes, loader);
    }
}
