package dev.beak.data.loader;

import dev.beak.data.SkipReport;
import dev.beak.data.augment.Augmentation;
import dev.beak.data.image.ImageDataset;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.preprocess.PreprocessKind;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.data.preprocess.Preprocessor;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Shape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Training data ready for {@code fit}: batches of the training split (read, augmented, then preprocessed
 * by a {@link DataLoader}) and the validation split, preprocessed the same way, with the preprocessing
 * fitted on the training split only. {@link #imageFolder} is the whole image-folder pipeline in one call:
 *
 * {@snippet :
 * ImageFolder.Split split = ImageFolder.scan(Path.of("flowers")).split(0.2, 42);
 * InputGeometry g = InputGeometry.of(64, 64, ColorMode.RGB, ResizeMode.CROP, InputRange.BYTE);
 * try (TrainingData data = TrainingData.imageFolder(split, g, TrainingData.Options.batchSize(32)
 *         .augment(Augmentations.flipHorizontal()).preprocess(List.of(PreprocessKind.STANDARDIZE)))) {
 *     model.fit(data.train(), FitOptions.epochs(10).validation(data.validation()));
 * }
 * }
 *
 * @param train      the training batches (close the {@code TrainingData} to stop its threads)
 * @param trainSize  training samples
 * @param validation the validation split, decoded and preprocessed
 * @param preprocessing the fitted preprocessing (save it with the model, so that predictions get it too)
 * @param classes    class names (image folders), else empty
 * @param skipped    bad files left out, with {@link Options#skipBad}
 */
public record TrainingData(DataLoader train, int trainSize, TensorDataset validation, Preprocessing preprocessing,
                           List<String> classes, SkipReport skipped) implements AutoCloseable {
    /** Image folders up to this many bytes of floats are decoded once into memory; larger ones every epoch, by the loader. */
    public static final long IN_MEMORY_LIMIT = 1L << 30;

    /**
     * How the batches are made: batch size, shuffling seed, augmentation (null: none), the preprocessing
     * to fit (empty: none) or a fixed one to apply ({@code fixed}, from a model file), PCA/ZCA epsilon,
     * loader threads, and whether bad files are skipped (and reported) instead of failing.
     */
    public record Options(int batchSize, long seed, Augmentation augmentation, List<PreprocessKind> preprocess, Preprocessing fixed,
                          double whitenEps, int threads, boolean skipBad) {
        public Options {
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            preprocess = List.copyOf(preprocess);
        }

        /** Shuffled with seed 42, no augmentation or preprocessing, one loader thread per core, strict about bad files. */
        public static Options batchSize(int batchSize) {
            return new Options(batchSize, 42, null, List.of(), null, 0.01, Runtime.getRuntime().availableProcessors(), false);
        }

        public Options seed(long s) {
            return new Options(batchSize, s, augmentation, preprocess, fixed, whitenEps, threads, skipBad);
        }

        public Options augment(Augmentation a) {
            return new Options(batchSize, seed, a, preprocess, fixed, whitenEps, threads, skipBad);
        }

        /** Preprocessing steps fitted on the training split, in order. */
        public Options preprocess(List<PreprocessKind> kinds) {
            return new Options(batchSize, seed, augmentation, kinds, null, whitenEps, threads, skipBad);
        }

        /** A preprocessing fitted before (a model file's): applied as it is, nothing fitted. */
        public Options preprocessWith(Preprocessing p) {
            return new Options(batchSize, seed, augmentation, List.of(), p, whitenEps, threads, skipBad);
        }

        public Options whitenEps(double eps) {
            return new Options(batchSize, seed, augmentation, preprocess, fixed, eps, threads, skipBad);
        }

        public Options threads(int n) {
            return new Options(batchSize, seed, augmentation, preprocess, fixed, whitenEps, n, skipBad);
        }

        public Options skipBad(boolean skip) {
            return new Options(batchSize, seed, augmentation, preprocess, fixed, whitenEps, threads, skip);
        }
    }

    /**
     * An image folder's training and validation parts, decoded with {@code geometry}: the training images
     * in memory when they fit in {@link #IN_MEMORY_LIMIT} (else decoded by the loader every epoch), the
     * validation images at once, both scaled to the geometry's range; then {@link #of}.
     */
    public static TrainingData imageFolder(ImageFolder.Split split, InputGeometry geometry, Options o) throws IOException {
        SkipReport skipped = new SkipReport();
        ImageDataset lazy = split.train().dataset(geometry.imageOptions(o.skipBad()));
        long bytes = 4L * lazy.size() * Shape.size(lazy.sampleShape());
        Dataset train = bytes <= IN_MEMORY_LIMIT ? lazy.load(o.threads(), skipped) : lazy;
        TensorDataset validation = geometry.load(split.validation(), o.threads(), skipped, o.skipBad());
        // The loader scales the training images after augmenting them, as load() scaled the validation images.
        return of(train, validation, geometry.scaling(), split.train().classes(), skipped, o);
    }

    /**
     * Any training set and validation set: the preprocessing fitted on the training split as it comes
     * out of {@code scaling} (or the fixed one), applied to the validation split, and a loader that
     * scales, augments and preprocesses the training batches.
     */
    public static TrainingData of(Dataset train, TensorDataset validation, Preprocessing scaling, List<String> classes, SkipReport skipped,
                                  Options o) {
        Preprocessing pre = o.fixed() != null ? o.fixed() : Preprocessing.NONE;
        if (o.fixed() == null && !o.preprocess().isEmpty()) {
            // Fitted on the plain training split; a lazily decoded one is read by a loader (parallel, skipping bad files).
            Dataset plain = scaling.view(train);
            try (DataLoader reader = DataLoader.builder(plain).batchSize(256).threads(o.threads()).skipBad(o.skipBad() ? skipped : null).build()) {
                pre = Preprocessing.fit(plain instanceof TensorDataset t ? Batches.inOrder(t, 256) : reader, o.preprocess(), o.whitenEps());
            }
        }
        List<Preprocessor> steps = new ArrayList<>(scaling.steps());
        steps.addAll(pre.steps());
        DataLoader loader = DataLoader.builder(train).batchSize(o.batchSize()).shuffle(o.seed()).augment(o.augmentation())
                .preprocess(new Preprocessing(steps)).threads(o.threads()).prefetch(Math.max(4, 2 * o.threads()))
                .skipBad(o.skipBad() ? skipped : null).build();
        return new TrainingData(loader, train.size(), pre.applyTo(validation), pre, List.copyOf(classes), skipped);
    }

    @Override
    public void close() {
        train.close();
    }
}
