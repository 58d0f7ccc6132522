package dev.beak.viz;

import dev.beak.autograd.Autograd;
import dev.beak.nn.Model;
import dev.beak.nn.train.Progress;
import dev.beak.tensor.Gaussian;
import dev.beak.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Inputs that maximise a unit by gradient ascent from noise (Erhan et al., 2009; Simonyan et al.,
 * 2014; the regularised form of Yosinski et al., 2015): per step the gradient is normalised to unit
 * RMS, the image is shifted by a random jitter before the forward pass (and the gradient shifted
 * back), blurred every few steps, and clamped to the input range. Each sample of the batch climbs
 * its own unit, so all filters of a layer (or all classes) are found in one pass per step.
 *
 * <ul>
 * <li>{@link #filterPatterns}: the pattern that maximises a filter's mean activation at a layer.</li>
 * <li>{@link #classInputs}: the input that maximises a class score (the logit, before softmax), with
 *     a pull towards the middle of the range (L2 decay) so the image stays readable.</li>
 * </ul>
 *
 * {@snippet :
 * GradientAscent.Result r = GradientAscent.filterPatterns(model, "conv2d_1", null, GradientAscent.Options.defaults());
 * r.writePng(Path.of("patterns.png"));
 * }
 */
public final class GradientAscent {
    private GradientAscent() {}

    /**
     * Steps, step size (input units per step at unit RMS gradient), jitter (pixels), blur (sigma,
     * every {@code blurEvery} steps; 0 = never), L2 decay towards the range's middle, the input range
     * and the seed of the noise and the jitter.
     */
    public record Options(int steps, double stepSize, int jitter, double blurSigma, int blurEvery, double decay,
                          float lo, float hi, long seed) {
        public Options {
            if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            if (!(hi > lo)) throw new IllegalArgumentException("the input range must have hi > lo, got [" + lo + ", " + hi + "]");
        }

        /** 100 steps of 5% of the range, jitter 1, blur 0.5 every 10 steps, inputs in [0, 1]. */
        public static Options defaults() {
            return new Options(100, 0.05, 1, 0.5, 10, 0, 0f, 1f, 1);
        }

        public Options withSteps(int s) {
            return new Options(s, stepSize, jitter, blurSigma, blurEvery, decay, lo, hi, seed);
        }

        public Options withDecay(double d) {
            return new Options(steps, stepSize, jitter, blurSigma, blurEvery, d, lo, hi, seed);
        }

        public Options withRange(float l, float h) {
            return new Options(steps, stepSize, jitter, blurSigma, blurEvery, decay, l, h, seed);
        }

        public Options withSeed(long s) {
            return new Options(steps, stepSize, jitter, blurSigma, blurEvery, decay, lo, hi, s);
        }
    }

    /** The images (N, C, H, W), which unit of which layer each maximises, and the unit's value before and after. */
    public record Result(String layer, int[] units, Tensor images, double[] startScore, double[] finalScore, String what) {
        /** The images in a grid, labelled with their unit and final score. */
        public BufferedImage toImage() {
            int n = images.dim(0), f = Pictures.factorFor(Math.max(images.dim(2), images.dim(3)), 56);
            List<BufferedImage> tiles = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tiles.add(Pictures.enlarge(Pictures.imageAutoscaled(images, i), f));
                labels.add(Integer.toString(units[i]));
            }
            return Pictures.grid(tiles, labels, (int) Math.ceil(Math.sqrt(n * 1.5)), what + " of " + layer);
        }

        public void writePng(Path file) throws IOException {
            Pictures.writePng(toImage(), file);
        }

        /** The mean score of the units on the starting noise. */
        public double meanStartScore() {
            return Arrays.stream(startScore).average().orElse(Double.NaN);
        }

        /** The mean score of the units on the optimised images. */
        public double meanFinalScore() {
            return Arrays.stream(finalScore).average().orElse(Double.NaN);
        }

        /** How much the ascent raised the units' scores on average: final minus start. */
        public double meanGain() {
            return meanFinalScore() - meanStartScore();
        }
    }

    /** Patterns for the given filters of {@code layer} (null: all of them), from noise. */
    public static Result filterPatterns(Model model, String layer, int[] filters, Options o) {
        return filterPatterns(model, layer, filters, o, Progress.NONE);
    }

    /** As above, telling {@code progress} after every step. */
    public static Result filterPatterns(Model model, String layer, int[] filters, Options o, Progress progress) {
        Probe probe = Probe.of(model);
        int node = probe.node(layer);
        int[] shape = model.outputShape(node);
        if (shape.length != 3) {
            throw new IllegalArgumentException("layer " + layer + " has no filters (its output is " + Arrays.toString(shape)
                    + "); choose one of " + probe.imageNodes().stream().map(probe::name).toList());
        }
        int[] units = filters != null ? filters.clone() : range(shape[0]);
        return ascend(probe, node, units, o, "Filter patterns", progress);
    }

    /** Inputs that maximise the score of each class in {@code classes} (null: all) at the model's output. */
    public static Result classInputs(Model model, int[] classes, Options o) {
        return classInputs(model, classes, o, Progress.NONE);
    }

    /** As above, telling {@code progress} after every step. */
    public static Result classInputs(Model model, int[] classes, Options o, Progress progress) {
        Probe probe = Probe.of(model);
        int node = probe.output();
        int[] units = classes != null ? classes.clone() : range(model.outputShape(node)[0]);
        return ascend(probe, node, units, o, "Class maximisation", progress);
    }

    /** The mean activation of unit {@code units[n]} of {@code layer} on image n, without gradients. */
    public static double[] meanActivation(Model model, String layer, Tensor images, int[] units) {
        Probe probe = Probe.of(model);
        try (var scope = Autograd.noGrad()) {
            return scores(probe.forward(images, probe.node(layer)).output(), units);
        }
    }

    private static Result ascend(Probe probe, int node, int[] units, Options o, String what, Progress progress) {
        int[] in = probe.model().inputShape();
        int n = units.length, per = in[0] * in[1] * in[2];
        SplittableRandom rng = new SplittableRandom(o.seed());
        float mid = (o.lo() + o.hi()) / 2, spread = (o.hi() - o.lo()) * 0.1f;
        Tensor x = Tensor.zeros(n, in[0], in[1], in[2]);
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) d[i] = mid + spread * (float) Gaussian.next(rng);
        ImageMath.clampInPlace(x, o.lo(), o.hi());
        double[] start = null, last = null;
        float step = (float) (o.stepSize() * (o.hi() - o.lo()));
        for (int s = 0; s < o.steps(); s++) {
            int dy = o.jitter() > 0 ? rng.nextInt(-o.jitter(), o.jitter() + 1) : 0, dx = o.jitter() > 0 ? rng.nextInt(-o.jitter(), o.jitter() + 1) : 0;
            Tensor shifted = ImageMath.roll(x, dy, dx);
            Probe.Pass pass;
            try (var frozen = probe.freeze()) {
                pass = probe.forward(shifted, node);
                Tensor out = pass.output();
                last = scores(out, units);
                if (start == null) start = last.clone();
                out.backward(seed(out, units));
            }
            float[] g = ImageMath.roll(pass.input().grad(), -dy, -dx).data();
            for (int i = 0; i < n; i++) {
                double sq = 0;
                for (int p = i * per; p < (i + 1) * per; p++) sq += (double) g[p] * g[p];
                float scale = (float) (step / (Math.sqrt(sq / per) + 1e-12));
                for (int p = i * per; p < (i + 1) * per; p++) d[p] += scale * g[p] - (float) o.decay() * (d[p] - mid);
            }
            if (o.blurSigma() > 0 && o.blurEvery() > 0 && (s + 1) % o.blurEvery() == 0 && s + 1 < o.steps()) {
                System.arraycopy(ImageMath.blur(x, o.blurSigma()).data(), 0, d, 0, d.length);
            }
            ImageMath.clampInPlace(x, o.lo(), o.hi());
            progress.step(s + 1, o.steps());
        }
        double[] end;
        try (var scope = Autograd.noGrad()) {
            end = scores(probe.forward(x, node).output(), units);
        }
        return new Result(probe.name(node), units, x, start, end, what);
    }

    /** Per sample n: the mean of unit units[n] of out (N, K) or (N, F, h, w). */
    private static double[] scores(Tensor out, int[] units) {
        int n = units.length, per = out.size() / n, k = out.dim(1), area = per / k;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int p = 0; p < area; p++) sum += out.data()[i * per + units[i] * area + p];
            s[i] = sum / area;
        }
        return s;
    }

    /** The gradient of sum_n scores[n] with respect to out. */
    private static float[] seed(Tensor out, int[] units) {
        int n = units.length, per = out.size() / n, k = out.dim(1), area = per / k;
        for (int u : units) {
            if (u < 0 || u >= k) throw new IllegalArgumentException("unit " + u + " is outside 0.." + (k - 1));
        }
        float[] seed = new float[out.size()];
        for (int i = 0; i < n; i++) for (int p = 0; p < area; p++) seed[i * per + units[i] * area + p] = 1f / area;
        return seed;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }
}
