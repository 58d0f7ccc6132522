package dev.beak.viz;

import dev.beak.autograd.Autograd;
import dev.beak.nn.Model;
import dev.beak.nn.train.Progress;
import dev.beak.nn.optim.Adam;
import dev.beak.ops.GramOp;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Neural style transfer (Gatys, Ecker and Bethge, 2016): an image optimised (Adam on its pixels,
 * clamped to the input range) so that its features at a content layer match those of a content
 * image and the Gram matrices ({@link GramOp}) of its features at style layers match those of a
 * style image. Both terms are relative, so that the weights carry over between models whose
 * activations differ in scale: content loss {@code mean((F - Fc)²) / mean(Fc²)}, style loss
 * {@code sum_l mean((G_l - Gs_l)²) / mean(Gs_l²)}, total {@code contentWeight * content + styleWeight * style}.
 *
 * <p>Shapes: content (1, C, H, W), the model's input size; style (1, C, H', W'), any size that the
 * convolutions accept (Gram matrices do not depend on the size).
 *
 * {@snippet :
 * StyleTransfer st = StyleTransfer.run(model, content, style, "conv2d_1", List.of("conv2d", "conv2d_1"),
 *         StyleTransfer.Options.defaults());
 * double[] c = st.contentLoss(), s = st.styleLoss();   // one value per iteration, then the final one
 * }
 */
public record StyleTransfer(Tensor image, double[] contentLoss, double[] styleLoss) {

    /** Where the optimisation starts: white noise (as Gatys et al.) or the content image. */
    public enum Start { NOISE, CONTENT }

    public record Options(int iterations, double contentWeight, double styleWeight, double learningRate, Start start,
                          float lo, float hi, long seed) {
        public Options {
            if (iterations < 1) throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
            if (contentWeight < 0 || styleWeight < 0) throw new IllegalArgumentException("weights must be >= 0");
        }

        /** 150 iterations, content weight 1, style weight 1, Adam lr 0.02, from noise, inputs in [0, 1]. */
        public static Options defaults() {
            return new Options(150, 1, 1, 0.02, Start.NOISE, 0f, 1f, 1);
        }

        public Options withIterations(int i) {
            return new Options(i, contentWeight, styleWeight, learningRate, start, lo, hi, seed);
        }

        public Options withWeights(double content, double style) {
            return new Options(iterations, content, style, learningRate, start, lo, hi, seed);
        }

        public Options withStart(Start s) {
            return new Options(iterations, contentWeight, styleWeight, learningRate, s, lo, hi, seed);
        }

        /** Input values span [lo, hi] (the image is clamped to it after every step). */
        public Options withRange(float l, float h) {
            return new Options(iterations, contentWeight, styleWeight, learningRate, start, l, h, seed);
        }
    }

    public static StyleTransfer run(Model model, Tensor content, Tensor style, String contentLayer, List<String> styleLayers,
                                    Options o) {
        return run(model, content, style, contentLayer, styleLayers, o, Progress.NONE);
    }

    /**
     * Style transfer telling {@code progress} after every iteration; a null {@code contentLayer} is
     * {@link #defaultContentLayer}, null {@code styleLayers} are {@link #defaultStyleLayers}.
     */
    public static StyleTransfer run(Model model, Tensor content, Tensor style, String contentLayer, List<String> styleLayers,
                                    Options o, Progress progress) {
        if (contentLayer == null) contentLayer = defaultContentLayer(model);
        if (styleLayers == null) styleLayers = defaultStyleLayers(model);
        ImageMath.requireImage(content);
        ImageMath.requireImage(style);
        if (content.dim(0) != 1 || style.dim(0) != 1) throw new IllegalArgumentException("style transfer takes one content and one style image");
        if (styleLayers.isEmpty()) throw new IllegalArgumentException("give at least one style layer");
        Probe probe = Probe.of(model);
        int cNode = probe.node(contentLayer);
        int[] sNodes = styleLayers.stream().mapToInt(probe::node).toArray();
        int last = cNode;
        for (int s : sNodes) last = Math.max(last, s);
        Tensor contentTarget;
        Tensor[] styleTargets = new Tensor[sNodes.length];
        try (var scope = Autograd.noGrad()) {
            contentTarget = probe.forward(content, cNode).value(cNode).copy();
            Probe.Pass sp = probe.forward(style, last);
            for (int i = 0; i < sNodes.length; i++) styleTargets[i] = GramOp.apply(sp.value(sNodes[i])).copy();
        }
        Tensor x = o.start() == Start.CONTENT ? content.copy() : noise(content.shape(), o);
        x.requiringGrad();
        Adam adam = new Adam(o.learningRate());
        double[] cl = new double[o.iterations() + 1], sl = new double[o.iterations() + 1];
        for (int it = 0; it <= o.iterations(); it++) {
            try (var frozen = probe.freeze()) {
                Probe.Pass pass = probe.forward(x, last);
                Tensor c = meanSquaredDifference(pass.value(cNode), contentTarget);
                Tensor s = null;
                for (int i = 0; i < sNodes.length; i++) {
                    Tensor term = meanSquaredDifference(GramOp.apply(pass.value(sNodes[i])), styleTargets[i]);
                    s = s == null ? term : Ops.add(s, term);
                }
                cl[it] = c.item();
                sl[it] = s.item();
                if (it == o.iterations()) break;
                Tensor total = Ops.add(Ops.mul(c, Tensor.scalar((float) o.contentWeight())), Ops.mul(s, Tensor.scalar((float) o.styleWeight())));
                total.backward();
                x.zeroGrad();
                x.accumulateGrad(pass.input().grad().data());
            }
            adam.step(List.of(x));
            ImageMath.clampInPlace(x, o.lo(), o.hi());
            progress.step(it + 1, o.iterations());
        }
        return new StyleTransfer(x.detach(), cl, sl);
    }

    /** The layer whose features the content must match by default: the last convolution. */
    public static String defaultContentLayer(Model model) {
        List<String> convs = defaultStyleLayers(model);
        return convs.get(convs.size() - 1);
    }

    /** The layers whose Gram matrices the style must match by default: every convolution, in graph order. */
    public static List<String> defaultStyleLayers(Model model) {
        Probe probe = Probe.of(model);
        List<Integer> convs = probe.convNodes();
        if (convs.isEmpty()) throw new IllegalArgumentException("model " + model.name() + " has no convolution layer");
        return convs.stream().map(probe::name).toList();
    }

    /** mean((a - target)²) / mean(target²), differentiable in a. */
    private static Tensor meanSquaredDifference(Tensor a, Tensor target) {
        float[] neg = target.data().clone();
        double norm = 0;
        for (int i = 0; i < neg.length; i++) {
            norm += (double) neg[i] * neg[i];
            neg[i] = -neg[i];
        }
        norm = Math.max(norm / Math.max(1, neg.length), 1e-12);
        Tensor d = Ops.add(a, Tensor.of(neg, a.shape()));
        return Ops.mul(Ops.mean(Ops.mul(d, d)), Tensor.scalar((float) (1 / norm)));
    }

    private static Tensor noise(int[] shape, Options o) {
        return Tensor.uniform(new SplittableRandom(o.seed()), o.lo(), o.hi(), shape);
    }

    /** Content, style and result side by side. */
    public BufferedImage toImage(Tensor content, Tensor style, double lo, double hi) {
        int f = Pictures.factorFor(Math.max(image.dim(2), image.dim(3)), 112);
        List<BufferedImage> tiles = new ArrayList<>(List.of(
                Pictures.enlarge(Pictures.image(content, 0, lo, hi), f),
                Pictures.enlarge(Pictures.image(style, 0, lo, hi), Pictures.factorFor(Math.max(style.dim(2), style.dim(3)), 112)),
                Pictures.enlarge(Pictures.image(image, 0, lo, hi), f)));
        int n = contentLoss.length - 1;
        return Pictures.grid(tiles, List.of("content", "style", "result"), 3, String.format(Locale.ROOT,
                "Style transfer, %d iterations: content loss %.3g -> %.3g, style loss %.3g -> %.3g",
                n, contentLoss[0], contentLoss[n], styleLoss[0], styleLoss[n]));
    }

    public void writePng(Tensor content, Tensor style, double lo, double hi, Path file) throws IOException {
        Pictures.writePng(toImage(content, style, lo, hi), file);
    }
}
