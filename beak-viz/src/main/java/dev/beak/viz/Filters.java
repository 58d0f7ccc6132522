package dev.beak.viz;

import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first convolution's weights (F, C, kH, kW) as small pictures: RGB when the input has three
 * channels (each filter scaled to its own range), otherwise each input channel through
 * {@link Colormap#DIVERGING} with zero in the middle (blue negative, red positive) on a scale shared
 * by all filters, so strong and weak filters can be compared.
 *
 * {@snippet :
 * Filters.firstLayer(model).writePng(Path.of("filters.png"));
 * }
 */
public final class Filters {
    private final String layer;
    private final Tensor weights;

    private Filters(String layer, Tensor weights) {
        this.layer = layer;
        this.weights = weights;
    }

    public static Filters firstLayer(Model model) {
        Probe p = Probe.of(model);
        return new Filters(p.name(p.convNodes().get(0)), p.firstConvWeights());
    }

    /** The weights (F, C, kH, kW), shared with the model. */
    public Tensor weights() {
        return weights;
    }

    public BufferedImage toImage() {
        int f = weights.dim(0), c = weights.dim(1), kh = weights.dim(2), kw = weights.dim(3), area = kh * kw;
        float[] w = weights.data();
        int scale = Pictures.factorFor(Math.max(kh, kw), 40);
        List<BufferedImage> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (c == 3) {
            for (int i = 0; i < f; i++) {
                Tensor one = Tensor.of(Arrays.copyOfRange(w, i * 3 * area, (i + 1) * 3 * area), 1, 3, kh, kw);
                tiles.add(Pictures.enlarge(Pictures.imageAutoscaled(one, 0), scale));
                labels.add(Integer.toString(i));
            }
        } else {
            float max = 1e-12f;
            for (float v : w) max = Math.max(max, Math.abs(v));
            for (int i = 0; i < f; i++) {
                for (int ch = 0; ch < c; ch++) {
                    tiles.add(Pictures.enlarge(Pictures.plane(w, (i * c + ch) * area, kh, kw, -max, max, Colormap.DIVERGING), scale));
                    labels.add(c == 1 ? Integer.toString(i) : i + "." + ch);
                }
            }
        }
        return Pictures.grid(tiles, labels, c == 3 || c == 1 ? (int) Math.ceil(Math.sqrt(tiles.size() * 1.5)) : c,
                layer + ": " + f + " filters " + kh + "x" + kw + (c == 3 ? " (RGB)" : " (blue < 0 < red)"));
    }

    public void writePng(Path file) throws IOException {
        Pictures.writePng(toImage(), file);
    }
}
