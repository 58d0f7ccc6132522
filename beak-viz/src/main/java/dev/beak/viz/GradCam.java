package dev.beak.viz;

import dev.beak.nn.Model;
import dev.beak.nn.train.Progress;
import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Grad-CAM (Selvaraju et al., 2017, "Grad-CAM: Visual Explanations from Deep Networks via
 * Gradient-based Localization"): at a convolution layer with feature maps A (F, h, w), the weight of
 * map f for class c is the spatial mean of d score_c / d A_f; the class map is
 * {@code relu(sum_f alpha_f A_f)}, scaled to [0, 1], upsampled bilinearly to the input and laid over it.
 *
 * <p>Shapes: images (N, C, H, W); coarse maps (N, h, w); heatmaps (N, H, W) in [0, 1].
 *
 * {@snippet :
 * GradCam cam = GradCam.of(model, images, null, null);   // last conv layer, predicted classes
 * int[] yx = cam.peak(0);
 * cam.writePng(images, 0, 1, Path.of("gradcam.png"));
 * }
 */
public record GradCam(String layer, Tensor coarse, Tensor heatmaps, int[] classes) {

    /**
     * Class maps at layer {@code layer} (null: the last convolution) for {@code classes} (null: the
     * predicted classes).
     */
    public static GradCam of(Model model, Tensor images, String layer, int[] classes) {
        return of(model, images, layer, classes, Math.max(1, images.rank() == 4 ? images.dim(0) : 1), Progress.NONE);
    }

    /**
     * As above, {@code batchSize} images at a time (each image's map depends on that image alone, in
     * evaluation mode), telling {@code progress} after each batch.
     */
    public static GradCam of(Model model, Tensor images, String layer, int[] classes, int batchSize, Progress progress) {
        ImageMath.requireImage(images);
        if (batchSize < 1) throw new IllegalArgumentException("Grad-CAM batch size must be >= 1, got " + batchSize);
        int n = images.dim(0), batches = (n + batchSize - 1) / batchSize;
        if (classes != null && classes.length != n) throw new IllegalArgumentException("Grad-CAM got " + n + " images but " + classes.length + " classes");
        if (batches <= 1) {
            GradCam one = batch(model, images, layer, classes);
            progress.step(1, 1);
            return one;
        }
        List<Tensor> coarse = new ArrayList<>(), heat = new ArrayList<>();
        int[] cls = new int[n];
        String at = layer;
        for (int b = 0; b < batches; b++) {
            int from = b * batchSize, to = Math.min(n, from + batchSize);
            GradCam part = batch(model, rows(images, from, to), layer, classes == null ? null : Arrays.copyOfRange(classes, from, to));
            coarse.add(part.coarse);
            heat.add(part.heatmaps);
            System.arraycopy(part.classes, 0, cls, from, to - from);
            at = part.layer;
            progress.step(b + 1, batches);
        }
        return new GradCam(at, Ops.concat(0, coarse.toArray(Tensor[]::new)), Ops.concat(0, heat.toArray(Tensor[]::new)), cls);
    }

    /** Samples [from, to) of x (N, ...), copied. */
    private static Tensor rows(Tensor x, int from, int to) {
        int per = x.size() / x.dim(0);
        int[] shape = x.shape().clone();
        shape[0] = to - from;
        return Tensor.of(Arrays.copyOfRange(x.data(), from * per, to * per), shape);
    }

    private static GradCam batch(Model model, Tensor images, String layer, int[] classes) {
        ImageMath.requireImage(images);
        Probe probe = Probe.of(model);
        int node = layer == null ? probe.lastConv() : probe.node(layer);
        int n = images.dim(0);
        Tensor a, da;
        int[] cls;
        try (var frozen = probe.freeze()) {
            Probe.Pass pass = probe.forward(images, probe.output());
            a = pass.value(node);
            if (a.rank() != 4) {
                throw new IllegalArgumentException("Grad-CAM needs feature maps, but layer " + probe.name(node) + " outputs "
                        + Shape.toString(a.shape()) + "; choose a convolution layer");
            }
            Tensor logits = pass.output();
            cls = classes != null ? classes.clone() : Saliency.predicted(logits);
            logits.backward(Probe.oneHot(cls, logits.size() / n));
            da = a.grad();
        }
        int f = a.dim(1), h = a.dim(2), w = a.dim(3), hw = h * w;
        float[] cam = new float[n * hw];
        if (da != null) {
            float[] av = a.data(), g = da.data();
            for (int i = 0; i < n; i++) {
                for (int ch = 0; ch < f; ch++) {
                    int base = (i * f + ch) * hw;
                    double alpha = 0;
                    for (int p = 0; p < hw; p++) alpha += g[base + p];
                    alpha /= hw;
                    for (int p = 0; p < hw; p++) cam[i * hw + p] += (float) (alpha * av[base + p]);
                }
                float max = 0;
                for (int p = 0; p < hw; p++) max = Math.max(max, cam[i * hw + p] = Math.max(0, cam[i * hw + p]));
                if (max > 0) for (int p = 0; p < hw; p++) cam[i * hw + p] /= max;
            }
        }
        Tensor coarse = Tensor.of(cam, n, h, w);
        Tensor up = ImageMath.resize(coarse.view(n, 1, h, w), images.dim(2), images.dim(3));
        return new GradCam(probe.name(node), coarse, up.view(n, images.dim(2), images.dim(3)), cls);
    }

    /** Row and column of the heatmap's maximum for image {@code n} (input pixels). */
    public int[] peak(int n) {
        int h = heatmaps.dim(1), w = heatmaps.dim(2);
        float[] d = heatmaps.data();
        int best = n * h * w;
        for (int p = n * h * w; p < (n + 1) * h * w; p++) if (d[p] > d[best]) best = p;
        best -= n * h * w;
        return new int[] {best / w, best % w};
    }

    /** Each image (values in [lo, hi]) and the heatmap laid over it. */
    public BufferedImage toImage(Tensor images, double lo, double hi) {
        int n = heatmaps.dim(0), h = heatmaps.dim(1), w = heatmaps.dim(2), f = Pictures.factorFor(Math.max(h, w), 84);
        List<BufferedImage> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage base = Pictures.image(images, i, lo, hi);
            float[] heat = new float[h * w];
            System.arraycopy(heatmaps.data(), i * h * w, heat, 0, h * w);
            tiles.add(Pictures.enlarge(base, f));
            labels.add("input");
            tiles.add(Pictures.enlarge(Pictures.overlay(base, heat, Colormap.JET, 0.5), f));
            labels.add("class " + classes[i]);
        }
        return Pictures.grid(tiles, labels, Math.min(8, 2 * n), "Grad-CAM at " + layer);
    }

    public void writePng(Tensor images, double lo, double hi, Path file) throws IOException {
        Pictures.writePng(toImage(images, lo, hi), file);
    }
}
