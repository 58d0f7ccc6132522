package dev.beak.data.image;

import dev.beak.dataset.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StretchedImagesTest {
    @TempDir Path dir;

    /** A w x h picture, white on its left half, black on its right. */
    private Path halves(String name, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w / 2; x++) img.setRGB(x, y, 0xffffff);
        Path file = dir.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void filesAreStretchedToTheInputAndMappedIntoItsRange() throws Exception {
        TensorDataset d = StretchedImages.read(List.of(halves("a.png", 40, 10), halves("b.png", 8, 8)), new int[] {1, 8, 8}, -1, 1);
        assertThat(d.x().shape()).containsExactly(2, 1, 8, 8);
        assertThat(d.y().data()).containsExactly(-1f, -1f);
        float[] x = d.x().data();
        assertThat(x[0]).as("white, top left").isEqualTo(1f);
        assertThat(x[7]).as("black, top right").isEqualTo(-1f);
        for (float v : x) assertThat(v).isBetween(-1f, 1f);
        TensorDataset rgb = StretchedImages.read(List.of(halves("c.png", 8, 8)), new int[] {3, 4, 4}, 0, 255);
        assertThat(rgb.x().shape()).containsExactly(1, 3, 4, 4);
        assertThat(rgb.x().data()[0]).isEqualTo(255f);
    }

    @Test
    void aModelThatTakesNoImagesOrABackwardRangeIsRefused() throws Exception {
        List<Path> one = List.of(halves("a.png", 8, 8));
        assertThatThrownBy(() -> StretchedImages.read(one, new int[] {10}, 0, 1))
                .hasMessage("image files need a model that takes (1 or 3, H, W) images, this one takes (10,)");
        assertThatThrownBy(() -> StretchedImages.read(one, new int[] {1, 8, 8}, 1, 0)).hasMessageContaining("lo < hi");
    }
}
