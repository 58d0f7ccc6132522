package dev.beak.viz;

import dev.beak.nn.Model;
import dev.beak.nn.train.Progress;
import dev.beak.ops.Ops;
import dev.beak.ops.SoftmaxOp;
import dev.beak.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adversarial examples by the fast gradient sign method (Goodfellow, Shlens and Szegedy, 2015,
 * "Explaining and Harnessing Adversarial Examples"): {@code x' = clip(x + eps * sign(d loss / dx))},
 * and its iterative form (Kurakin, Goodfellow and Bengio, 2017): steps of {@code alpha}, each
 * projected back into the L-infinity ball of radius eps around x and into the input range.
 * The loss is the cross-entropy against the given labels (or the model's own predictions).
 *
 * <p>Shapes: images (N, C, H, W); labels (N) class indices or null.
 *
 * {@snippet :
 * Adversarial a = Adversarial.fgsm(model, images, labels, 0.1, 0, 1);
 * System.out.println(a.flipRate() + " flipped, max |dx| = " + a.maxPerturbation());
 * }
 */
public record Adversarial(Tensor original, Tensor adversarial, int[] labels, int[] before, int[] after,
                          float[] confidenceBefore, float[] confidenceAfter, double epsilon, int steps, double lo, double hi) {

    /** One FGSM step of size {@code epsilon}; pixel values stay in [lo, hi]. */
    public static Adversarial fgsm(Model model, Tensor images, Tensor labels, double epsilon, double lo, double hi) {
        return iterative(model, images, labels, epsilon, epsilon, 1, lo, hi);
    }

    /** Iterative FGSM: {@code steps} steps of {@code alpha}, kept within {@code epsilon} of the images. */
    public static Adversarial iterative(Model model, Tensor images, Tensor labels, double epsilon, double alpha, int steps,
                                        double lo, double hi) {
        return iterative(model, images, labels, epsilon, alpha, steps, lo, hi, Progress.NONE);
    }

    /**
     * As above, telling {@code progress} after every step. Without {@code labels} (null) the attack pushes
     * away from the model's own predictions.
     */
    public static Adversarial iterative(Model model, Tensor images, Tensor labels, double epsilon, double alpha, int steps,
                                        double lo, double hi, Progress progress) {
        ImageMath.requireImage(images);
        if (!(epsilon >= 0) || !(alpha > 0 || epsilon == 0) || steps < 1) {
            throw new IllegalArgumentException("FGSM needs epsilon >= 0, alpha > 0 and steps >= 1, got " + epsilon + ", " + alpha + ", " + steps);
        }
        Probe probe = Probe.of(model);
        int n = images.dim(0);
        Tensor x0 = images.copy();
        Prediction start = predict(probe, x0);
        int[] target = labels == null ? start.classes : toClasses(labels, n);
        Tensor targets = Tensor.of(toFloats(target), n);
        float[] o = x0.data(), x = o.clone();
        for (int s = 0; s < steps; s++) {
            float[] g;
            try (var frozen = probe.freeze()) {
                Probe.Pass pass = probe.forward(Tensor.of(x, images.shape()), probe.output());
                Ops.softmaxCrossEntropy(pass.output(), targets).backward();
                g = pass.input().grad().data();
            }
            for (int i = 0; i < x.length; i++) {
                float step = (float) (alpha * Math.signum(g[i]));
                float v = Math.min(o[i] + (float) epsilon, Math.max(o[i] - (float) epsilon, x[i] + step));
                x[i] = (float) Math.min(hi, Math.max(lo, v));
            }
            progress.step(s + 1, steps);
        }
        Tensor adv = Tensor.of(x, images.shape());
        Prediction end = predict(probe, adv);
        return new Adversarial(x0, adv, labels == null ? null : target, start.classes, end.classes, start.confidence, end.confidence,
                epsilon, steps, lo, hi);
    }

    /**
     * The usual step size for an attack of {@code steps} steps: {@code epsilon} for FGSM (one step), else
     * {@code 2.5 * epsilon / steps} (Madry et al., 2018), so that the steps can reach the edge of the ball.
     */
    public static double defaultAlpha(double epsilon, int steps) {
        return steps == 1 ? epsilon : 2.5 * epsilon / steps;
    }

    private record Prediction(int[] classes, float[] confidence) {}

    private static Prediction predict(Probe probe, Tensor x) {
        Tensor logits = probe.model().predict(x, 256);
        int n = logits.dim(0), k = logits.size() / n;
        Tensor p = SoftmaxOp.apply(logits);
        int[] c = Saliency.predicted(logits);
        float[] conf = new float[n];
        for (int i = 0; i < n; i++) conf[i] = p.data()[i * k + c[i]];
        return new Prediction(c, conf);
    }

    /** The largest absolute change of any pixel (the L-infinity size of the perturbation). */
    public double maxPerturbation() {
        double m = 0;
        for (int i = 0; i < original.size(); i++) m = Math.max(m, Math.abs(adversarial.data()[i] - original.data()[i]));
        return m;
    }

    /** The mean absolute change per pixel. */
    public double meanPerturbation() {
        double s = 0;
        for (int i = 0; i < original.size(); i++) s += Math.abs(adversarial.data()[i] - original.data()[i]);
        return s / Math.max(1, original.size());
    }

    /** The fraction of images whose predicted class changed. */
    public double flipRate() {
        int f = 0;
        for (int i = 0; i < before.length; i++) if (before[i] != after[i]) f++;
        return (double) f / Math.max(1, before.length);
    }

    /** Accuracy against the labels before and after (NaN without labels). */
    public double accuracyBefore() {
        return accuracy(before);
    }

    public double accuracyAfter() {
        return accuracy(after);
    }

    private double accuracy(int[] pred) {
        if (labels == null) return Double.NaN;
        int c = 0;
        for (int i = 0; i < pred.length; i++) if (pred[i] == labels[i]) c++;
        return (double) c / Math.max(1, pred.length);
    }

    /** Rows of: original (class, confidence), the perturbation (blue minus, red plus), the adversarial image. */
    public BufferedImage toImage(int count) {
        int n = Math.min(count, before.length), h = original.dim(2), w = original.dim(3), c = original.dim(1), f = Pictures.factorFor(Math.max(h, w), 84);
        List<BufferedImage> tiles = new ArrayList<>();
        List<String> labelsOut = new ArrayList<>();
        float[] diff = new float[h * w];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < h * w; p++) {
                double s = 0;
                for (int ch = 0; ch < c; ch++) s += adversarial.data()[(i * c + ch) * h * w + p] - original.data()[(i * c + ch) * h * w + p];
                diff[p] = (float) (s / c);
            }
            double e = Math.max(epsilon, 1e-12);
            tiles.add(Pictures.enlarge(Pictures.image(original, i, lo, hi), f));
            labelsOut.add(String.format(Locale.ROOT, "%d (%.2f)", before[i], confidenceBefore[i]));
            tiles.add(Pictures.enlarge(Pictures.plane(diff, 0, h, w, -e, e, Colormap.DIVERGING), f));
            labelsOut.add(String.format(Locale.ROOT, "+/-%.3g", epsilon));
            tiles.add(Pictures.enlarge(Pictures.image(adversarial, i, lo, hi), f));
            labelsOut.add(String.format(Locale.ROOT, "%d (%.2f)%s", after[i], confidenceAfter[i], after[i] != before[i] ? " !" : ""));
        }
        String title = String.format(Locale.ROOT, "%s eps %.3g: %.0f%% of %d predictions flipped, max |dx| %.3g",
                steps == 1 ? "FGSM" : "Iterative FGSM (" + steps + " steps)", epsilon, 100 * flipRate(), before.length, maxPerturbation());
        return Pictures.grid(tiles, labelsOut, 6, title);
    }

    public void writePng(int count, Path file) throws IOException {
        Pictures.writePng(toImage(count), file);
    }

    private static int[] toClasses(Tensor labels, int n) {
        if (labels.size() != n) throw new IllegalArgumentException("need one class index per image: " + n + " images, " + labels.size() + " labels");
        int[] c = new int[n];
        for (int i = 0; i < n; i++) c[i] = (int) labels.data()[i];
        return c;
    }

    private static float[] toFloats(int[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = a[i];
        return f;
    }
}
