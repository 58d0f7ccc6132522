package dev.beak.viz;

import dev.beak.autograd.Autograd;
import dev.beak.nn.Model;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every channel's feature map of chosen layers for one input, as a grid per layer: all maps of a layer
 * on one scale, from the layer's minimum to its maximum through {@link Colormap#INFERNO} (so a weakly
 * firing channel is darker than a strong one and an all-zero map stays dark), with a colour bar that
 * gives the values.
 *
 * {@snippet :
 * Activations a = Activations.of(model, image);            // image (1, C, H, W)
 * a.writePng("conv2d", Path.of("conv2d.png"));
 * }
 */
public final class Activations {
    private final Probe probe;
    private final Tensor[] values;

    private Activations(Probe probe, Tensor[] values) {
        this.probe = probe;
        this.values = values;
    }

    /** Runs {@code image} (1, C, H, W) through the whole model in evaluation mode and keeps every node's output. */
    public static Activations of(Model model, Tensor image) {
        if (image.rank() != 4 || image.dim(0) != 1) {
            throw new IllegalArgumentException("activations are shown for one image (1, C, H, W), got " + Shape.toString(image.shape()));
        }
        try (var scope = Autograd.noGrad()) {
            return new Activations(Probe.of(model), model.forwardAll(image, false));
        }
    }

    /** The output of layer {@code name}, (1, ...). */
    public Tensor value(String name) {
        return values[probe.node(name)];
    }

    /** Names of the layers with image-shaped output (the ones worth drawing). */
    public List<String> imageLayers() {
        return probe.imageNodes().stream().map(probe::name).toList();
    }

    /** The fraction of exactly-zero values of layer {@code name} (dead ReLU units show as dark tiles). */
    public double zeroFraction(String name) {
        float[] d = value(name).data();
        int z = 0;
        for (float v : d) if (v == 0f) z++;
        return (double) z / d.length;
    }

    /** The smallest and the largest value of layer {@code name}: the scale of its picture. */
    public double[] range(String name) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : value(name).data()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }

    /** A grid of every channel of layer {@code name}, each tile about 56 pixels wide, and the colour bar. */
    public BufferedImage toImage(String name) {
        Tensor v = value(name);
        if (v.rank() != 4) {
            throw new IllegalArgumentException("layer " + name + " outputs " + Shape.toString(v.shape())
                    + ", not feature maps; choose one of " + imageLayers());
        }
        int c = v.dim(1), h = v.dim(2), w = v.dim(3), f = Pictures.factorFor(Math.max(h, w), 56);
        double[] range = range(name);
        List<BufferedImage> tiles = new ArrayList<>(c);
        List<String> labels = new ArrayList<>(c);
        for (int i = 0; i < c; i++) {
            tiles.add(Pictures.enlarge(Pictures.plane(v.data(), i * h * w, h, w, range[0], range[1], Colormap.INFERNO), f));
            labels.add(Integer.toString(i));
        }
        BufferedImage grid = Pictures.grid(tiles, labels, (int) Math.ceil(Math.sqrt(c * 1.5)),
                name + ": " + c + " channels of " + h + "x" + w);
        return ColourBar.beside(grid, Colormap.INFERNO, range[0], range[1], "activation");
    }

    public void writePng(String name, Path file) throws IOException {
        Pictures.writePng(toImage(name), file);
    }
}
