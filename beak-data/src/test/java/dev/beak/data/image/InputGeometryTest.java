package dev.beak.data.image;

import dev.beak.data.SkipReport;
import dev.beak.data.augment.Augmentations;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file-to-input path: decoding as ImageOptions say, then the validation centre crop, then the range. */
class InputGeometryTest {
    @TempDir Path dir;

    @Test
    void loadDecodesCropsLikeTheCenterCropAugmentationAndScales() throws IOException {
        ImageFolder folder = ImageFolder.scan(SyntheticShapes.write(dir.resolve("s"), 2, 3, 30, 1));
        InputGeometry g = InputGeometry.of(21, 19, ColorMode.RGB, ResizeMode.STRETCH, InputRange.BYTE).withCenterCrop(14, 11);
        TensorDataset decoded = folder.dataset(g.imageOptions(false)).load(1, new SkipReport());
        Tensor expected = Augmentations.centerCrop(14, 11).applyBatch(decoded.x(), new SplittableRandom(0));

        TensorDataset loaded = g.load(folder, 2, new SkipReport(), false);
        assertThat(loaded.x().shape()).containsExactly(6, 3, 14, 11).containsExactly(dev.beak.tensor.Shape.prepend(6, g.sampleShape()));
        assertThat(loaded.x().data()).containsExactly(expected.data());
        assertThat(loaded.y().data()).containsExactly(decoded.y().data());

        java.util.List<Path> files = folder.entries().stream().map(ImageFolder.Entry::file).toList();
        assertThat(g.read(files).data()).as("files one by one, as the folder").containsExactly(expected.data());

        TensorDataset unit = new InputGeometry(21, 19, ColorMode.RGB, ResizeMode.STRETCH, 14, 11, InputRange.UNIT).load(folder, 1, new SkipReport(), false);
        for (int i = 0; i < expected.size(); i++) assertThat(unit.x().data()[i]).isEqualTo(expected.data()[i] * (1f / 255));
    }

    @Test
    void withoutCropTheDecodedImagesPassUnchanged() throws IOException {
        ImageFolder folder = ImageFolder.scan(SyntheticShapes.write(dir.resolve("g"), 2, 2, 20, 2));
        InputGeometry g = InputGeometry.of(12, 12, ColorMode.GREY, ResizeMode.CROP, InputRange.BYTE);
        assertThat(g.cropped()).isFalse();
        assertThat(g.scaling().isEmpty()).isTrue();
        assertThat(g.load(folder, 1, new SkipReport(), false).x().data())
                .containsExactly(folder.dataset(ImageOptions.of(12, 12).withColor(ColorMode.GREY)).load(1, new SkipReport()).x().data());
        assertThat(g.withCenterCrop(10, 8).describe()).isEqualTo("12x12 grey (crop), centre 10x8, pixels 0..255");
    }

    @Test
    void cropLargerThanTheImageFails() {
        assertThatThrownBy(() -> InputGeometry.of(8, 8, ColorMode.RGB, ResizeMode.CROP, InputRange.UNIT).withCenterCrop(9, 4))
                .hasMessageContaining("centre crop 9x4 must fit in the image size 8x8");
    }

    @Test
    void aModelsGeometryComesFromItsInputUnlessGiven() {
        assertThat(InputGeometry.forModel(new int[] {1, 28, 28}, null, null, null, false))
                .isEqualTo(InputGeometry.of(28, 28, ColorMode.GREY, ResizeMode.CROP, InputRange.BYTE));
        assertThat(InputGeometry.forModel(new int[] {3, 224, 224}, null, null, ResizeMode.STRETCH, true))
                .isEqualTo(InputGeometry.of(256, 256, ColorMode.RGB, ResizeMode.STRETCH, InputRange.BYTE));
        assertThat(InputGeometry.forModel(new int[] {3, 32, 32}, new int[] {40, 50}, ColorMode.GREY, null, true))
                .isEqualTo(InputGeometry.of(40, 50, ColorMode.GREY, ResizeMode.CROP, InputRange.BYTE));
        assertThat(InputGeometry.forModel(new int[] {100}, new int[] {10, 10}, null, null, false).color()).isEqualTo(ColorMode.RGB);
        assertThatThrownBy(() -> InputGeometry.forModel(new int[] {100}, null, null, null, false)).hasMessageContaining("an image size is needed");

        assertThat(InputGeometry.ofSamples(new int[] {3, 32, 32})).isEqualTo(InputGeometry.of(32, 32, ColorMode.RGB, ResizeMode.CROP, InputRange.UNIT));
        assertThat(InputGeometry.ofSamples(new int[] {2, 32, 32})).isNull();
    }

    @Test
    void evaluationCutsTheCentreOfWhatTrainingCropped() {
        InputGeometry g = InputGeometry.of(256, 256, ColorMode.RGB, ResizeMode.CROP, InputRange.BYTE);
        assertThat(Augmentations.randomCrop(224, 224).then(Augmentations.flipHorizontal()).evaluationGeometry(g)).isEqualTo(g.withCenterCrop(224, 224));
        assertThat(Augmentations.flipHorizontal().evaluationGeometry(g)).isSameAs(g);
        assertThat(Augmentations.padAndCrop(4).evaluationGeometry(g)).isSameAs(g);
    }
}
