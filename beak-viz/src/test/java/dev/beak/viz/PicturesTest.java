package dev.beak.viz;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.metric.Accuracy;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Confusion matrix, activations, filters and saliency on the small MNIST model. */
class PicturesTest {

    @Test
    void confusionMatrixAgreesWithAccuracy(@TempDir Path dir) throws Exception {
        Fixtures.Mnist m = Fixtures.mnist();
        ConfusionChart chart = ConfusionChart.of(m.model(), m.test(), 128);
        var cm = chart.matrix();
        assertThat(cm.total()).isEqualTo(m.test().size());
        int correct = Accuracy.correct(m.model().predict(m.test().x(), 256), m.test().y());
        assertThat(cm.accuracy()).isCloseTo(correct / (double) m.test().size(), org.assertj.core.data.Offset.offset(1e-9));
        int[] perClass = new int[10];
        for (float y : m.test().y().data()) perClass[(int) y]++;
        for (int i = 0; i < 10; i++) assertThat(cm.support(i)).isEqualTo(perClass[i]);
        chart.writePng(dir.resolve("cm.png"));
        BufferedImage img = ImageIO.read(dir.resolve("cm.png").toFile());
        assertThat(img.getWidth()).isGreaterThan(400);
        // The diagonal cell of the largest class is dark blue, an empty off-diagonal cell white.
        assertThat(img.getRGB(60 + 20, 50 + 20) & 0xff).isGreaterThan(0x80);
        assertThat(img.getRGB(60 + 20, 50 + 20) >> 16 & 0xff).isLessThan(0x60);
    }

    @Test
    void activationsShowEveryChannelOfTheLayer() {
        Fixtures.Mnist m = Fixtures.mnist();
        Tensor one = m.test().slice(0, 1).x();
        Activations a = Activations.of(m.model(), one);
        assertThat(a.imageLayers()).containsExactly("conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1");
        assertThat(a.value("conv2d").shape()).containsExactly(1, 8, 28, 28);
        // ReLU maps: some zeros, not all.
        assertThat(a.zeroFraction("conv2d")).isBetween(0.01, 0.99);
        BufferedImage img = a.toImage("conv2d_1");
        assertThat(img.getWidth() * img.getHeight()).as("16 tiles of 56x56").isGreaterThan(16 * 56 * 56);
        assertThatThrownBy(() -> a.toImage("dense")).hasMessageContaining("not feature maps");
        assertThatThrownBy(() -> a.toImage("conv9")).hasMessageContaining("has no layer \"conv9\"");
    }

    @Test
    void filtersShowSignedFirstLayerWeights() {
        Fixtures.Mnist m = Fixtures.mnist();
        Filters f = Filters.firstLayer(m.model());
        assertThat(f.weights().shape()).containsExactly(8, 1, 5, 5);
        BufferedImage img = f.toImage();
        // The diverging map gives both blue (negative) and red (positive) pixels.
        int blue = 0, red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y), r = c >> 16 & 255, b = c & 255;
                if (b > r + 60) blue++;
                if (r > b + 60) red++;
            }
        }
        assertThat(blue).isGreaterThan(100);
        assertThat(red).isGreaterThan(100);
    }

    @Test
    void saliencyIsHighOnTheDigitAndLowOnTheEmptyBorder(@TempDir Path dir) throws Exception {
        Fixtures.Mnist m = Fixtures.mnist();
        TensorDataset t = m.test().slice(0, 16);
        Saliency s = Saliency.of(m.model(), t.x(), null);
        float[] map = s.maps().data(), x = t.x().data();
        double onInk = 0, offInk = 0;
        int nOn = 0, nOff = 0;
        for (int i = 0; i < map.length; i++) {
            int row = (i % 784) / 28, col = i % 28;
            boolean border = row < 3 || row > 24 || col < 3 || col > 24;
            if (x[i] > 0.5f) { onInk += map[i]; nOn++; } else if (border) { offInk += map[i]; nOff++; }
        }
        assertThat(onInk / nOn).as("mean saliency on ink vs on the border").isGreaterThan(3 * offInk / nOff);
        s.writePng(t.x(), 0, 1, dir.resolve("s.png"));
        assertThat(dir.resolve("s.png")).exists();
    }

    @Test
    void bilinearResizeKeepsConstantsAndAveragesOnDownscale() {
        Tensor c = Tensor.full(0.7f, 2, 3, 5, 7);
        for (float v : ImageMath.resize(c, 11, 4).data()) assertThat(v).isCloseTo(0.7f, org.assertj.core.data.Offset.offset(1e-6f));
        Tensor ramp = Tensor.of(new float[] {0, 1, 2, 3}, 1, 1, 1, 4);
        assertThat(ImageMath.resize(ramp, 1, 2).data()).containsExactly(0.5f, 2.5f);
        Tensor r = ImageMath.roll(ImageMath.roll(ramp, 0, 3), 0, -3);
        assertThat(r.data()).containsExactly(ramp.data());
        assertThat(ImageMath.roll(ramp, 0, 1).data()).containsExactly(3, 0, 1, 2);
    }

    @Test
    void blurKeepsConstantsAndTheMassOfAnInteriorDot() {
        for (float v : ImageMath.blur(Tensor.full(0.3f, 1, 2, 9, 9), 1.0).data()) {
            assertThat(v).isCloseTo(0.3f, org.assertj.core.data.Offset.offset(1e-6f));
        }
        Tensor dot = Tensor.zeros(1, 1, 15, 15);
        dot.data()[7 * 15 + 7] = 1;
        float[] b = ImageMath.blur(dot, 1.0).data();
        double sum = 0;
        for (float v : b) sum += v;
        assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(b[7 * 15 + 7]).isGreaterThan(b[7 * 15 + 8]).isGreaterThan(b[7 * 15 + 9]);
        assertThat(b[7 * 15 + 8]).isEqualTo(b[8 * 15 + 7]);
    }
}
