package dev.beak.viz;

import dev.beak.nn.metric.Accuracy;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GradCamTest {

    @Test
    void heatmapPeaksInsideTheDigitOnALocalisationTask() {
        Fixtures.Placed s = Fixtures.placed();
        Tensor x = s.test().x();
        Tensor logits = s.model().predict(x, 100);
        int correct = Accuracy.correct(logits, s.test().y());
        assertThat(correct).as("the localisation model must have learned its task").isGreaterThan(150);

        // conv2d_1 sees 20x20 maps of the 40x40 input; the last convolution (10x10) is coarser.
        GradCam cam = GradCam.of(s.model(), x, "conv2d_1", null);
        int inside = 0, n = x.dim(0);
        for (int i = 0; i < n; i++) {
            int[] yx = cam.peak(i), box = s.boxes()[i];
            if (yx[0] >= box[0] && yx[0] < box[0] + box[2] && yx[1] >= box[1] && yx[1] < box[1] + box[3]) inside++;
        }
        // A random point would fall in a digit's ink box (about 12x16 of 40x40) 12% of the time.
        assertThat(inside).as("peaks inside the digit's box, of %d", n).isGreaterThan(n * 8 / 10);
    }

    @Test
    void heatmapsAreInUnitRangeAndDrawn(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Fixtures.Placed s = Fixtures.placed();
        Tensor x = s.test().slice(0, 4).x();
        GradCam cam = GradCam.of(s.model(), x, null, new int[] {0, 1, 2, 0});
        assertThat(cam.layer()).as("the default layer is the last convolution").isEqualTo("conv2d_2");
        assertThat(cam.heatmaps().shape()).containsExactly(4, 40, 40);
        assertThat(cam.coarse().shape()).containsExactly(4, 10, 10);
        for (float v : cam.heatmaps().data()) assertThat(v).isBetween(0f, 1f);
        Path png = dir.resolve("cam.png");
        cam.writePng(x, 0, 1, png);
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isGreaterThan(4 * 40);
    }
}
