package dev.beak.data.loader;

import dev.beak.data.augment.Augmentations;
import dev.beak.data.image.ColorMode;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.data.image.SyntheticShapes;
import dev.beak.data.preprocess.PreprocessKind;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.dataset.Batch;
import dev.beak.dataset.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The image-folder pipeline as one library call: split, decode, fit preprocessing on training only, batch. */
class TrainingDataTest {
    @TempDir Path dir;

    @Test
    void imageFolderFitsOnTheTrainingSplitAndPreprocessesBoth() throws Exception {
        ImageFolder.Split split = ImageFolder.scan(SyntheticShapes.write(dir.resolve("shapes"), 3, 10, 20, 7)).split(0.2, 42);
        InputGeometry g = InputGeometry.of(16, 16, ColorMode.RGB, ResizeMode.CROP, InputRange.BYTE);
        List<PreprocessKind> kinds = List.of(PreprocessKind.RESCALE, PreprocessKind.STANDARDIZE);
        try (TrainingData data = TrainingData.imageFolder(split, g, TrainingData.Options.batchSize(8).threads(2).preprocess(kinds)
                .augment(Augmentations.flipHorizontal()))) {
            assertThat(data.classes()).containsExactly("circle", "square", "triangle");
            assertThat(data.trainSize()).isEqualTo(24);
            assertThat(data.validation().size()).isEqualTo(6);
            assertThat(data.preprocessing().steps()).extracting(p -> p.type()).containsExactly("rescale", "standardize");

            // The same preprocessing, fitted by hand on the training images alone, gives the same validation tensor.
            TensorDataset trainImages = g.load(split.train(), 1, new dev.beak.data.SkipReport(), false);
            Preprocessing byHand = Preprocessing.fit(trainImages, kinds, 0.01);
            TensorDataset expected = byHand.applyTo(g.load(split.validation(), 1, new dev.beak.data.SkipReport(), false));
            assertThat(data.validation().x().data()).containsExactly(expected.x().data(), within(1e-5f));

            int seen = 0;
            double sum = 0;
            for (Batch b : data.train().epoch(0)) {
                assertThat(b.x().shape()).containsExactly(b.size(), 3, 16, 16);
                seen += b.size();
                for (float v : b.x().data()) sum += v;
            }
            assertThat(seen).isEqualTo(24);
            // Standardized on these very images (flips keep each channel's values): the mean over an epoch is about 0.
            assertThat(sum / (24 * 3 * 16 * 16)).isCloseTo(0, within(1e-3));
        }
    }

    @Test
    void aFixedPreprocessingIsAppliedAsItIs() throws Exception {
        ImageFolder.Split split = ImageFolder.scan(SyntheticShapes.write(dir.resolve("shapes"), 2, 5, 12, 3)).split(0.2, 1);
        InputGeometry g = InputGeometry.of(12, 12, ColorMode.GREY, ResizeMode.STRETCH, InputRange.BYTE);
        try (TrainingData data = TrainingData.imageFolder(split, g, TrainingData.Options.batchSize(4).threads(1).preprocessWith(Preprocessing.NONE))) {
            assertThat(data.preprocessing()).isEqualTo(Preprocessing.NONE);
            TensorDataset raw = g.load(split.validation(), 1, new dev.beak.data.SkipReport(), false);
            assertThat(data.validation().x().data()).containsExactly(raw.x().data());
        }
    }
}
