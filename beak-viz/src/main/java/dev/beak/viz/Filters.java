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
 * The first convolution's weights (F, C, kH, kW) as pictures on one scale shared by all filters, from
 * -m to +m where m is the largest |weight|, so strong and weak filters can be compared: RGB when the
 * input has three channels (each channel from black at -m through grey at 0 to full at +m), otherwise
 * each input channel through {@link Colormap#DIVERGING} (blue negative, white zero, red positive). Small
 * kernels are enlarged to tiles of about 64 pixels, and a colour bar gives the scale.
 *
 * {@snippet :
 * Filters.firstLayer(model).writePng(Path.of("filters.png"));
 * }
 */
public final class Filters {
    /** About how wide a filter's tile is drawn, in pixels (a 3x3 kernel becomes 63x63, a 5x5 one 65x65). */
    static final int TILE = 64;
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

    /** The largest |weight|: the scale runs from minus this to plus this. */
    public double scale() {
        float max = 1e-12f;
        for (float v : weights.data()) max = Math.max(max, Math.abs(v));
        return max;
    }

    public BufferedImage toImage() {
        int f = weights.dim(0), c = weights.dim(1), kh = weights.dim(2), kw = weights.dim(3), area = kh * kw;
        float[] w = weights.data();
        int factor = Pictures.factorFor(Math.max(kh, kw), TILE);
        double max = scale();
        List<BufferedImage> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (c == 3) {
            for (int i = 0; i < f; i++) {
                Tensor one = Tensor.of(Arrays.copyOfRange(w, i * 3 * area, (i + 1) * 3 * area), 1, 3, kh, kw);
                tiles.add(Pictures.enlarge(Pictures.image(one, 0, -max, max), factor));
                labels.add(Integer.toString(i));
            }
        } else {
            for (int i = 0; i < f; i++) {
                for (int ch = 0; ch < c; ch++) {
                    tiles.add(Pictures.enlarge(Pictures.plane(w, (i * c + ch) * area, kh, kw, -max, max, Colormap.DIVERGING), factor));
                    labels.add(c == 1 ? Integer.toString(i) : i + "." + ch);
                }
            }
        }
        BufferedImage grid = Pictures.grid(tiles, labels, c == 3 || c == 1 ? (int) Math.ceil(Math.sqrt(tiles.size() * 1.5)) : c,
                layer + ": " + f + " filters " + kh + "x" + kw + (c == 3 ? " (RGB)" : " (blue < 0 < red)"));
        return c == 3 ? ColourBar.beside(grid, Colormap.GRAY, -max, max, "weight (per channel)")
                : ColourBar.beside(grid, Colormap.DIVERGING, -max, max, "weight");
    }

    public void writePng(Path file) throws IOException {
        Pictures.writePng(toImage(), file);
    }
}
