package dev.beak.viz;

import dev.beak.nn.Model;
import dev.beak.nn.train.Progress;
import dev.beak.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deep Dream (Mordvintsev, Olah and Tyka, 2015, "Inceptionism"): gradient ascent on the mean square
 * of a layer's activations, starting from an image, over octaves: the image is processed from a
 * small scale to full size, the detail added at each scale carried up to the next by bilinear
 * resizing ({@link ImageMath#resize}). Each step is normalised by the mean absolute gradient and
 * jittered. Only the layers up to the chosen one run, so images larger than the model's input work
 * as long as that part of the model is convolutional.
 *
 * {@snippet :
 * DeepDream d = DeepDream.of(model, image, "conv2d_1", DeepDream.Options.defaults());
 * d.writePng(image, 0, 1, Path.of("dream.png"));
 * }
 */
public record DeepDream(String layer, Tensor image, double[] objective) {

    public record Options(int octaves, double octaveScale, int steps, double stepSize, int jitter, float lo, float hi, long seed) {
        public Options {
            if (octaves < 1 || steps < 1 || !(octaveScale >= 1)) {
                throw new IllegalArgumentException("Deep Dream needs octaves >= 1, steps >= 1 and a scale >= 1");
            }
        }

        /** 3 octaves of scale 1.4, 30 steps each of 3% of the range, jitter 2, inputs in [0, 1]. */
        public static Options defaults() {
            return new Options(3, 1.4, 30, 0.03, 2, 0f, 1f, 1);
        }

        public Options withOctaves(int n) {
            return new Options(n, octaveScale, steps, stepSize, jitter, lo, hi, seed);
        }

        public Options withSteps(int n) {
            return new Options(octaves, octaveScale, n, stepSize, jitter, lo, hi, seed);
        }

        /** Each step moves the image by {@code fraction} of the input range (in mean absolute value). */
        public Options withStepSize(double fraction) {
            return new Options(octaves, octaveScale, steps, fraction, jitter, lo, hi, seed);
        }

        /** Input values span [lo, hi] (the image is clamped to it after every step). */
        public Options withRange(float l, float h) {
            return new Options(octaves, octaveScale, steps, stepSize, jitter, l, h, seed);
        }
    }

    /** Dreams {@code image} (1, C, H, W) at {@code layer}; {@code objective} holds the layer's mean square at the end of each octave. */
    public static DeepDream of(Model model, Tensor image, String layer, Options o) {
        return of(model, image, layer, o, Progress.NONE);
    }

    /** As above, telling {@code progress} after each of the {@code octaves * steps} steps. */
    public static DeepDream of(Model model, Tensor image, String layer, Options o, Progress progress) {
        ImageMath.requireImage(image);
        if (image.dim(0) != 1) throw new IllegalArgumentException("Deep Dream takes one image (1, C, H, W)");
        Probe probe = Probe.of(model);
        int node = probe.node(layer);
        SplittableRandom rng = new SplittableRandom(o.seed());
        int h = image.dim(2), w = image.dim(3);
        double[] objective = new double[o.octaves()];
        Tensor detail = null, x = null;
        float step = (float) (o.stepSize() * (o.hi() - o.lo()));
        for (int k = o.octaves() - 1; k >= 0; k--) {
            int oh = Math.max(1, (int) Math.round(h / Math.pow(o.octaveScale(), k)));
            int ow = Math.max(1, (int) Math.round(w / Math.pow(o.octaveScale(), k)));
            Tensor base = ImageMath.resize(image, oh, ow);
            x = base.copy();
            if (detail != null) add(x, ImageMath.resize(detail, oh, ow));
            for (int s = 0; s < o.steps(); s++) {
                int dy = o.jitter() > 0 ? rng.nextInt(-o.jitter(), o.jitter() + 1) : 0, dx = o.jitter() > 0 ? rng.nextInt(-o.jitter(), o.jitter() + 1) : 0;
                Probe.Pass pass;
                try (var frozen = probe.freeze()) {
                    pass = probe.forward(ImageMath.roll(x, dy, dx), node);
                    Tensor a = pass.output();
                    float[] seed = new float[a.size()];
                    double sq = 0;
                    for (int i = 0; i < seed.length; i++) {
                        float v = a.data()[i];
                        sq += v * v;
                        seed[i] = 2 * v / seed.length;
                    }
                    objective[o.octaves() - 1 - k] = sq / seed.length;
                    a.backward(seed);
                }
                float[] g = ImageMath.roll(pass.input().grad(), -dy, -dx).data(), d = x.data();
                double mean = 0;
                for (float v : g) mean += Math.abs(v);
                mean = mean / g.length + 1e-12;
                for (int i = 0; i < d.length; i++) d[i] += (float) (step * g[i] / mean);
                ImageMath.clampInPlace(x, o.lo(), o.hi());
                progress.step((o.octaves() - 1 - k) * o.steps() + s + 1, o.octaves() * o.steps());
            }
            detail = x.copy();
            add(detail, negate(base));
        }
        return new DeepDream(probe.name(node), x, objective);
    }

    private static void add(Tensor into, Tensor t) {
        float[] a = into.data(), b = t.data();
        for (int i = 0; i < a.length; i++) a[i] += b[i];
    }

    private static Tensor negate(Tensor t) {
        float[] d = t.data().clone();
        for (int i = 0; i < d.length; i++) d[i] = -d[i];
        return Tensor.of(d, t.shape());
    }

    /** The original and the dream side by side. */
    public BufferedImage toImage(Tensor original, double lo, double hi) {
        int f = Pictures.factorFor(Math.max(image.dim(2), image.dim(3)), 168);
        return Pictures.grid(List.of(Pictures.enlarge(Pictures.image(original, 0, lo, hi), f), Pictures.enlarge(Pictures.image(image, 0, lo, hi), f)),
                List.of("input", "dream"), 2, "Deep Dream at " + layer);
    }

    public void writePng(Tensor original, double lo, double hi, Path file) throws IOException {
        Pictures.writePng(toImage(original, lo, hi), file);
    }
}
