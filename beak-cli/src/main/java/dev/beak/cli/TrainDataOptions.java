package dev.beak.cli;

import dev.beak.data.SkipReport;
import dev.beak.data.augment.Augmentation;
import dev.beak.data.augment.Augmentations;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.loader.TrainingData;
import dev.beak.data.preprocess.PreprocessKind;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.dataset.TensorDataset;
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
     * Loads and prepares everything for training a model whose input is {@code modelInput} (or null), through
     * beak-data's {@link TrainingData}. With {@code stored} (continuing from a model file) its preprocessing,
     * input geometry and class names are kept; else preprocessing is fitted on the training split only.
     * Augmentation applies to training only.
     */
    DataOptions.Prepared prepare(int[] modelInput, int batchSize, long seed, StoredData stored) throws IOException {
        Augmentation aug = augmentation();
        List<PreprocessKind> kinds = preprocessKinds();
        if (stored != null) stored.checkPreprocessing(kinds);
        if (kinds == null) kinds = kind() == Kind.FOLDER ? List.of(PreprocessKind.RESCALE) : List.of();
        TrainingData.Options options = TrainingData.Options.batchSize(batchSize).seed(seed).augment(aug).whitenEps(whitenEps)
                .threads(threads()).skipBad(skipBad);
        options = stored != null ? options.preprocessWith(stored.preprocessing()) : options.preprocess(kinds);

        TrainingData data;
        InputGeometry geometry;
        if (kind() == Kind.FOLDER) {
            ImageFolder.Split folders = folders();
            if (stored != null) stored.checkClasses(folders.train().classes(), dir());
            geometry = geometry(modelInput, aug, stored);
            if (stored != null && stored.geometry() != null) {
                int[] decoded = {geometry.color().channels(), geometry.height(), geometry.width()};
                stored.checkCrop(aug != null ? aug.outputShape(decoded) : decoded);
            }
            data = TrainingData.imageFolder(folders, geometry, options);
        } else {
            if (stored != null) stored.checkUnitRange(describe());
            TensorDataset train = rawSplit("train"), test = rawSplit("test");
            geometry = stored != null && stored.geometry() != null ? stored.geometry() : sampleGeometry(train.sampleShape(), aug);
            if (aug != null && !Arrays.equals(aug.outputShape(train.sampleShape()), train.sampleShape())) {
                // Training sees random crops; validation sees the centre crop of the same size.
                int[] out = aug.outputShape(train.sampleShape());
                test = new TensorDataset(Augmentations.centerCrop(out[1], out[2]).applyBatch(test.x(), new java.util.SplittableRandom(0)), test.y());
            }
            data = TrainingData.of(train, test, Preprocessing.NONE, stored != null ? stored.classes() : List.of(), new SkipReport(), options);
        }
        return new DataOptions.Prepared(data.train(), data.trainSize(), data.validation(), data.preprocessing(), geometry, data.skipped(),
                data.classes(), data.train());
    }
}
