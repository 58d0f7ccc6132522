package dev.beak.viz;

import dev.beak.nn.Model;
import dev.beak.nn.metric.Accuracy;
import dev.beak.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saliency maps (Simonyan, Vedaldi and Zisserman, 2014, "Deep Inside Convolutional Networks"): the
 * magnitude of the gradient of a class score (the logit, before softmax) with respect to each input
 * pixel, the maximum over channels; the pixels whose change would move the score most.
 *
 * <p>Shapes: images (N, C, H, W); maps (N, H, W), each scaled to [0, 1] by its own maximum.
 *
 * {@snippet :
 * Saliency s = Saliency.of(model, images, null);   // null: explain the predicted classes
 * s.writePng(images, 0, 1, Path.of("saliency.png"));
 * }
 */
public record Saliency(Tensor maps, int[] classes) {

    /** Maps for {@code classes} (one per image), or for the predicted classes when null. */
    public static Saliency of(Model model, Tensor images, int[] classes) {
        ImageMath.requireImage(images);
        Probe probe = Probe.of(model);
        int n = images.dim(0), h = images.dim(2), w = images.dim(3), c = images.dim(1);
        Tensor grad;
        int[] cls;
        try (var frozen = probe.freeze()) {
            Probe.Pass pass = probe.forward(images, probe.output());
            Tensor logits = pass.output();
            int k = logits.size() / n;
            cls = classes != null ? classes.clone() : predicted(logits);
            logits.backward(Probe.oneHot(cls, k));
            grad = pass.input().grad();
        }
        float[] g = grad.data(), m = new float[n * h * w];
        for (int i = 0; i < n; i++) {
            float max = 1e-20f;
            for (int p = 0; p < h * w; p++) {
                float best = 0;
                for (int ch = 0; ch < c; ch++) best = Math.max(best, Math.abs(g[((i * c + ch) * h * w) + p]));
                m[i * h * w + p] = best;
                max = Math.max(max, best);
            }
            for (int p = 0; p < h * w; p++) m[i * h * w + p] /= max;
        }
        return new Saliency(Tensor.of(m, n, h, w), cls);
    }

    /** Arg-max of each row of logits (N, K). */
    static int[] predicted(Tensor logits) {
        int n = logits.dim(0), k = logits.size() / n;
        int[] c = new int[n];
        for (int i = 0; i < n; i++) c[i] = Accuracy.argmax(logits.data(), i * k, k);
        return c;
    }

    /** Each image (values in [lo, hi]) beside its saliency map. */
    public BufferedImage toImage(Tensor images, double lo, double hi) {
        int n = maps.dim(0), h = maps.dim(1), w = maps.dim(2), f = Pictures.factorFor(Math.max(h, w), 84);
        List<BufferedImage> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tiles.add(Pictures.enlarge(Pictures.image(images, i, lo, hi), f));
            labels.add("input");
            tiles.add(Pictures.enlarge(Pictures.plane(maps.data(), i * h * w, h, w, 0, 1, Colormap.INFERNO), f));
            labels.add("class " + classes[i]);
        }
        return Pictures.grid(tiles, labels, Math.min(8, 2 * n), "Saliency |d score / d input|");
    }

    public void writePng(Tensor images, double lo, double hi, Path file) throws IOException {
        Pictures.writePng(toImage(images, lo, hi), file);
    }
}
