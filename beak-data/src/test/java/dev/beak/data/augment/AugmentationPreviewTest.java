package dev.beak.data.augment;

import dev.beak.data.image.FloatImage;
import dev.beak.data.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.beak.data.augment.AugmentationTest.ramp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code beak data preview}'s grid: originals first, then seeded augmented copies, white gaps; samples spread over the classes. */
class AugmentationPreviewTest {
    @TempDir Path dir;

    @Test
    void gridHoldsTheCroppedOriginalThenTheSeededCopies() {
        List<FloatImage> images = List.of(ramp(3, 10, 12), ramp(3, 10, 12));
        Augmentation aug = Augmentations.randomCrop(8, 8).then(Augmentations.flipHorizontal());
        FloatImage grid = AugmentationPreview.grid(images, aug, 3, 7);
        int gap = 2, h = 8, w = 8;
        assertThat(grid.shape()).containsExactly(3, 2 * (h + gap) + gap, 4 * (w + gap) + gap);
        FloatImage original = Augmentations.centerCrop(8, 8).apply(images.get(0), new SplittableRandom(0));
        assertThat(cell(grid, 0, 0, h, w).data()).containsExactly(original.data());
        SplittableRandom rng = new SplittableRandom(7);
        FloatImage firstCopy = aug.apply(images.get(0), rng.split());
        assertThat(cell(grid, 0, 1, h, w).data()).containsExactly(firstCopy.data());
        assertThat(grid.data()[0]).isEqualTo(255f); // the gap is white
        assertThat(AugmentationPreview.grid(images, aug, 3, 7).data()).containsExactly(grid.data());
        assertThat(AugmentationPreview.grid(images, aug, 3, 8).data()).isNotEqualTo(grid.data());
    }

    @Test
    void samplesSpreadOverTheClassesAndSkipBadFiles() throws Exception {
        for (String c : List.of("a", "b")) {
            Path folder = Files.createDirectories(dir.resolve(c));
            for (int i = 0; i < 3; i++) ImageFiles.write(ramp(3, 20, 30), folder.resolve(c + i + ".png"));
        }
        Files.writeString(dir.resolve("b").resolve("b0.png"), "not a png");
        List<String> skipped = new ArrayList<>();
        List<FloatImage> two = AugmentationPreview.samples(dir, 2, 16, 16, skipped::add);
        assertThat(two).hasSize(2).allSatisfy(img -> assertThat(img.shape()).containsExactly(3, 16, 16));
        assertThat(skipped).singleElement().asString().contains("b0.png");
        assertThat(AugmentationPreview.samples(dir, 10, 16, 16, s -> {})).hasSize(6); // all 6 files, the bad one replaced by its neighbour
        assertThatThrownBy(() -> AugmentationPreview.samples(dir, 0, 16, 16, s -> {})).hasMessageContaining("at least one image");
    }

    private static FloatImage cell(FloatImage grid, int row, int col, int h, int w) {
        return grid.crop(2 + row * (h + 2), 2 + col * (w + 2), h, w);
    }
}
