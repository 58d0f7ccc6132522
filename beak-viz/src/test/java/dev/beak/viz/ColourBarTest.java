package dev.beak.viz;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** Filter grids and activation pictures carry their value scale, and small kernels are drawn large. */
class ColourBarTest {
    /** The colour at the top and the bottom of the bar right of a picture {@code width} wide: the bar's own pixels, found by its frame. */
    private static int[] barEnds(BufferedImage img, int width) {
        int x = width + 12 + 7, frame = 0x404040, top = -1, bottom = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            if ((img.getRGB(x, y) & 0xffffff) == frame) {
                if (top < 0) top = y;
                bottom = y;
            }
        }
        assertThat(bottom - top).as("bar height").isGreaterThan(100);
        return new int[] {img.getRGB(x, top + 2) & 0xffffff, img.getRGB(x, bottom - 2) & 0xffffff};
    }

    @Test
    void theBarRunsFromTheHighColourAtTheTopToTheLowOneAtTheBottom() {
        BufferedImage picture = new BufferedImage(100, 300, BufferedImage.TYPE_INT_RGB);
        BufferedImage out = ColourBar.beside(picture, Colormap.DIVERGING, -0.5, 0.5, "weight");
        assertThat(out.getWidth()).isGreaterThan(100 + 12 + 14);
        assertThat(out.getHeight()).isEqualTo(300);
        int[] ends = barEnds(out, 100);
        assertThat(ends[0] >> 16 & 255).as("top: red").isGreaterThan(ends[0] & 255);
        assertThat(ends[1] & 255).as("bottom: blue").isGreaterThan(ends[1] >> 16 & 255);
        assertThat(ColourBar.label(0)).isEqualTo("0");
        assertThat(ColourBar.label(-0.123456)).isEqualTo("-0.123");
        assertThat(ColourBar.label(1234.5)).isEqualTo("1.23e+03");
    }

    @Test
    void smallKernelsAreEnlargedAndTheScaleIsTheLargestWeight() {
        Fixtures.Mnist m = Fixtures.mnist();
        Filters f = Filters.firstLayer(m.model());
        double max = 0;
        for (float v : f.weights().data()) max = Math.max(max, Math.abs(v));
        assertThat(f.scale()).isEqualTo(max);
        BufferedImage img = f.toImage();
        // 8 filters of 5x5, each 13x enlarged to 65 px: at least 8 such tiles, plus the bar.
        assertThat(img.getWidth() * img.getHeight()).isGreaterThan(8 * 65 * 65);
        assertThat(img.getHeight()).isGreaterThan(2 * 65);
    }

    @Test
    void activationsShareOneScaleSoAWeakChannelIsDarker() {
        Fixtures.Mnist m = Fixtures.mnist();
        Activations a = Activations.of(m.model(), m.test().slice(0, 1).x());
        Tensor v = a.value("conv2d");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float x : v.data()) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        assertThat(a.range("conv2d")).containsExactly(lo, hi);
        // The channel with the smallest maximum reaches a darker top colour than the layer's brightest pixel.
        int hw = v.dim(2) * v.dim(3), weakest = 0;
        float weakestMax = Float.POSITIVE_INFINITY;
        for (int c = 0; c < v.dim(1); c++) {
            float mc = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < hw; p++) mc = Math.max(mc, v.data()[c * hw + p]);
            if (mc < weakestMax) {
                weakestMax = mc;
                weakest = c;
            }
        }
        assertThat(weakestMax).as("channel %d", weakest).isLessThan((float) hi);
        BufferedImage img = a.toImage("conv2d");
        // 8 tiles of 28x28 enlarged 2x in rows of 4 (gap 4, title 20, caption 14): per-channel scaling would take every tile to the top colour.
        int top = luma(Colormap.INFERNO.rgb(1));
        assertThat(maxLuma(img, weakest)).as("weakest channel %d's brightest pixel", weakest).isLessThan(top - 20);
        int strongest = 0;
        for (int c = 0; c < v.dim(1); c++) strongest = Math.max(strongest, maxLuma(img, c));
        assertThat(strongest).isGreaterThanOrEqualTo(top - 2);
        assertThat(img.getWidth()).as("grid and bar").isGreaterThan(4 * 60 + 12 + 14);
    }

    private static int maxLuma(BufferedImage img, int tile) {
        int x0 = 4 + (tile % 4) * 60, y0 = 24 + (tile / 4) * 74, best = 0;
        for (int y = y0; y < y0 + 56; y++) for (int x = x0; x < x0 + 56; x++) best = Math.max(best, luma(img.getRGB(x, y)));
        return best;
    }

    private static int luma(int rgb) {
        return (299 * (rgb >> 16 & 255) + 587 * (rgb >> 8 & 255) + 114 * (rgb & 255)) / 1000;
    }
}
