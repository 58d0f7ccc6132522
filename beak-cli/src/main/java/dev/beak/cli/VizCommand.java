package dev.beak.cli;

import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.ResizeMode;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ColorMode;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;
import dev.beak.viz.Activations;
import dev.beak.viz.Adversarial;
import dev.beak.nn.metric.ConfusionMatrix;
import dev.beak.viz.ConfusionChart;
import dev.beak.viz.DeepDream;
import dev.beak.viz.Filters;
import dev.beak.viz.GradCam;
import dev.beak.viz.GradientAscent;
import dev.beak.viz.ImageMath;
import dev.beak.viz.Saliency;
import dev.beak.viz.StyleTransfer;
import dev.beak.viz.TrainingCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code beak viz ...}: one subcommand per picture of dev.beak.viz, each writing a PNG. */
@Command(name = "viz", mixinStandardHelpOptions = true,
        description = "Pictures of what a network learned (PNG files; --json adds one JSON line with the key figures).",
        subcommands = {VizCommand.Curves.class, VizCommand.Confusion.class, VizCommand.ActivationsCmd.class, VizCommand.FiltersCmd.class,
                VizCommand.Patterns.class, VizCommand.ClassMax.class, VizCommand.SaliencyCmd.class, VizCommand.GradCamCmd.class,
                VizCommand.Dream.class, VizCommand.Style.class, VizCommand.AdversarialCmd.class})
final class VizCommand {

    /** What every picture command shares: where to write, --json, printing. */
    abstract static class Base implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", description = "PNG file to write (default: runs/viz/<command>.png).")
        Path out;

        @Mixin OutputOptions output;

        final Map<String, Object> figures = new LinkedHashMap<>();
        final List<String> written = new ArrayList<>();

        abstract void draw(PrintWriter stdout) throws Exception;

        @Override
        public Integer call() throws Exception {
            System.setProperty("java.awt.headless", "true");
            draw(output.human());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("command", spec.name());
            line.put("files", written);
            line.putAll(figures);
            output.result(line);
            return 0;
        }

        Path out() {
            return out != null ? out : Path.of("runs", "viz", spec.name() + ".png");
        }

        /** {@code out} with {@code -suffix} before its extension. */
        Path out(String suffix) {
            String name = out().getFileName().toString();
            int dot = name.lastIndexOf('.');
            return out().resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-" + suffix + (dot > 0 ? name.substring(dot) : ".png"));
        }

        void wrote(PrintWriter stdout, Path file, String what) {
            written.add(file.toString());
            stdout.println("Wrote " + file + ": " + what);
        }
    }

    /** Commands on a model file, with the input value range. */
    abstract static class OnModel extends Base {
        @Parameters(index = "0", paramLabel = "MODEL", description = "A .beak model file, an .onnx or Keras model, or a zoo network (untrained).")
        String modelArg;

        @Option(names = "--range", paramLabel = "LO,HI", defaultValue = "0,1",
                description = "Value range of the model's input pixels (default: ${DEFAULT-VALUE}).")
        String range;

        private SavedModel saved;

        /** The model file with what travels in it (the preprocessing its inputs need); ONNX models have none. */
        SavedModel saved() throws Exception {
            if (saved == null) {
                saved = modelArg.endsWith(".onnx") || ModelSource.isNamed(modelArg) ? new SavedModel(ModelSource.resolve(modelArg, 0), Map.of())
                        : ModelSource.loadAny(modelArg);
            }
            return saved;
        }

        Model model() throws Exception {
            return saved().model();
        }

        float lo() {
            return rangeParts()[0];
        }

        float hi() {
            return rangeParts()[1];
        }

        private float[] rangeParts() {
            String[] p = range.split(",");
            try {
                if (p.length == 2) {
                    float l = Float.parseFloat(p[0].trim()), h = Float.parseFloat(p[1].trim());
                    if (h > l) return new float[] {l, h};
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--range must be LO,HI with LO < HI, got \"" + range + "\"");
        }
    }

    /** Commands that also read test images, or image files given with --image. */
    abstract static class OnData extends OnModel {
        @Mixin DataOptions data;

        @Option(names = "--index", defaultValue = "0", description = "First test image to use (default: ${DEFAULT-VALUE}).")
        int index;

        @Option(names = "--image", paramLabel = "FILE", split = ",",
                description = "Image files (PNG, JPEG, ...) to use instead of test images, resized to the model's input.")
        List<Path> images;

        /** True when the inputs come from the test data, with labels. */
        boolean labelled() {
            return images == null;
        }

        /**
         * {@code count} inputs from --index of the test data, or the --image files (labels -1), both
         * with the preprocessing saved in the model file.
         */
        TensorDataset inputs(Model model, int count) throws Exception {
            if (images != null) {
                // A model file's input geometry decodes the files exactly as its training data was; else --range and the input shape.
                InputGeometry g = saved().inputGeometry();
                TensorDataset raw = g != null ? new TensorDataset(g.read(images), Tensor.full(-1f, images.size()))
                        : readImages(images, model.inputShape(), lo(), hi());
                return saved().preprocessing().applyTo(raw);
            }
            TensorDataset t = test(model);
            if (index < 0 || index >= t.size()) throw new IllegalArgumentException("--index " + index + " is outside 0.." + (t.size() - 1));
            return t.slice(index, Math.min(t.size(), index + Math.max(1, count)));
        }

        /** The test data as a whole (for figures over a data set). */
        TensorDataset test(Model model) throws Exception {
            TensorDataset t = data.test(modelArg, saved());
            TrainingRun.checkInput(model, t, "test");
            output.status("%s: %,d test images from %s", spec.name(), t.size(), data.describe());
            return t;
        }

        /** What {@code n} inputs were, for the report line. */
        String source(int n) {
            return images != null ? n + " image file(s)" : n + " test image(s) from " + index;
        }
    }

    /**
     * Image files for a model whose file has no input geometry (ONNX, zoo networks): decoded by beak-data as
     * training decodes image folders (one grey conversion, one resize), stretched to the model's input size,
     * with pixels mapped to its input range [lo, hi].
     */
    static TensorDataset readImages(List<Path> files, int[] shape, float lo, float hi) throws Exception {
        if (shape.length != 3 || (shape[0] != 1 && shape[0] != 3)) {
            throw new IllegalArgumentException("--image needs a model that takes (1 or 3, H, W) images, this one takes " + dev.beak.tensor.Shape.toString(shape));
        }
        Tensor x = InputGeometry.of(shape[1], shape[2], shape[0] == 1 ? ColorMode.GREY : ColorMode.RGB, ResizeMode.STRETCH, InputRange.UNIT).read(files);
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * d[i];
        return new TensorDataset(x, Tensor.full(-1f, files.size()));
    }

    static int[] ints(String csv, String option) {
        if (csv == null || csv.isBlank()) return null;
        try {
            return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes comma-separated integers, got \"" + csv + "\"");
        }
    }

    @Command(name = "curves", mixinStandardHelpOptions = true,
            description = "Accuracy and loss per epoch, training vs validation, best validation epoch marked (PNG, and SVG with --svg).")
    static final class Curves extends Base {
        @Parameters(index = "0", paramLabel = "HISTORY", description = "A history CSV (from train/demo), or a .beak model file with its .history.csv beside it.")
        Path history;

        @Option(names = "--svg", paramLabel = "FILE", description = "Also write the curves as SVG.")
        Path svg;

        @Override
        void draw(PrintWriter stdout) throws Exception {
            Path csv = history.toString().endsWith(".csv") ? history : TrainingRun.historyPath(history);
            if (!Files.exists(csv)) throw new IllegalArgumentException("no history CSV at " + csv + " (train writes MODEL.history.csv beside the model)");
            TrainingCurves c = TrainingCurves.readCsv(csv);
            c.writePng(out());
            int best = c.bestEpoch();
            wrote(stdout, out(), c.epochs() + " epochs" + (best > 0 ? ", best validation loss at epoch " + best : ""));
            if (svg != null) {
                c.writeSvg(svg);
                wrote(stdout, svg, "the same as SVG");
            }
            figures.put("epochs", c.epochs());
            figures.put("best_epoch", best);
            if (best > 0) {
                figures.put("best_val_loss", c.values("val_loss")[best - 1]);
                double[] va = c.values("val_accuracy");
                if (va != null) figures.put("best_val_accuracy", va[best - 1]);
            }
        }
    }

    @Command(name = "confusion", mixinStandardHelpOptions = true, description = "Confusion matrix of a model on the test images.")
    static final class Confusion extends OnData {
        @Override
        void draw(PrintWriter stdout) throws Exception {
            if (!labelled()) throw new IllegalArgumentException("confusion needs labelled test data (--data or the IDX options), not --image");
            Model m = model();
            ConfusionMatrix cm = ConfusionMatrix.of(m, test(m), 256);
            new ConfusionChart(cm).writePng(out());
            long[] worst = mostConfused(cm);
            wrote(stdout, out(), String.format(Locale.ROOT, "accuracy %.4f on %,d images; most confused: %d taken for %d (%d times)",
                    cm.accuracy(), cm.total(), worst[0], worst[1], worst[2]));
            figures.put("accuracy", cm.accuracy());
            figures.put("samples", cm.total());
            figures.put("most_confused", List.of(worst[0], worst[1])); // true class, predicted class
            figures.put("most_confused_count", worst[2]);
        }

        private static long[] mostConfused(ConfusionMatrix c) {
            long[] w = {0, 0, 0};
            for (int i = 0; i < c.classes(); i++) {
                for (int j = 0; j < c.classes(); j++) if (i != j && c.count(i, j) > w[2]) w = new long[] {i, j, c.count(i, j)};
            }
            return w;
        }
    }

    @Command(name = "activations", mixinStandardHelpOptions = true,
            description = "Every channel's feature map of chosen layers for one test image (one PNG per layer).")
    static final class ActivationsCmd extends OnData {
        @Option(names = "--layers", paramLabel = "NAMES", split = ",", description = "Layers to show (default: every layer with feature maps).")
        List<String> layers;

        @Override
        void draw(PrintWriter stdout) throws Exception {
            Model m = model();
            TensorDataset one = inputs(m, 1);
            Activations a = Activations.of(m, one.slice(0, 1).x());
            List<String> names = layers != null ? layers : a.imageLayers();
            for (String name : names) {
                Path file = names.size() == 1 ? out() : out(name);
                a.writePng(name, file);
                wrote(stdout, file, String.format(Locale.ROOT, "%s for %s, %.0f%% zeros", name,
                        labelled() ? "test image " + index + " (label " + (int) one.y().data()[0] + ")" : images.get(0).toString(),
                        100 * a.zeroFraction(name)));
                figures.put("zero_fraction_" + name, a.zeroFraction(name));
            }
            figures.put("index", index);
        }
    }

    @Command(name = "filters", mixinStandardHelpOptions = true, description = "The first convolution's weights as small pictures.")
    static final class FiltersCmd extends OnModel {
        @Override
        void draw(PrintWriter stdout) throws Exception {
            Filters f = Filters.firstLayer(model());
            f.writePng(out());
            int[] s = f.weights().shape();
            wrote(stdout, out(), s[0] + " filters of " + s[2] + "x" + s[3] + " over " + s[1] + " channel(s)");
            figures.put("filters", s[0]);
        }
    }

    /** Options shared by the gradient-ascent pictures. */
    abstract static class Ascent extends OnModel {
        @Option(names = "--steps", defaultValue = "100", description = "Gradient-ascent steps (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the starting noise and the jitter (default: ${DEFAULT-VALUE}).")
        long seed;

        GradientAscent.Options options(double decay) {
            return GradientAscent.Options.defaults().withSteps(steps).withRange(lo(), hi()).withSeed(seed).withDecay(decay);
        }

        void report(PrintWriter stdout, GradientAscent.Result r, String unit) throws java.io.IOException {
            r.writePng(out());
            double gain = 0;
            for (int i = 0; i < r.units().length; i++) gain += r.finalScore()[i] - r.startScore()[i];
            wrote(stdout, out(), String.format(Locale.ROOT, "%d %s of %s; mean score %.4g (from %.4g at the start)",
                    r.units().length, unit, r.layer(), mean(r.finalScore()), mean(r.startScore())));
            figures.put("layer", r.layer());
            figures.put("mean_start_score", mean(r.startScore()));
            figures.put("mean_final_score", mean(r.finalScore()));
            figures.put("mean_gain", gain / r.units().length);
        }

        private static double mean(double[] a) {
            return Arrays.stream(a).average().orElse(Double.NaN);
        }
    }

    @Command(name = "patterns", mixinStandardHelpOptions = true,
            description = "For filters of a layer, the input that maximises the filter's mean activation (gradient ascent from noise).")
    static final class Patterns extends Ascent {
        @Option(names = "--layer", required = true, description = "A layer with feature maps, e.g. conv2d_1.")
        String layer;

        @Option(names = "--filters", paramLabel = "LIST", description = "Filters to show, e.g. 0,1,2 (default: all).")
        String filters;

        @Override
        void draw(PrintWriter stdout) throws Exception {
            report(stdout, GradientAscent.filterPatterns(model(), layer, ints(filters, "--filters"), options(0)), "filters");
        }
    }

    @Command(name = "classmax", mixinStandardHelpOptions = true,
            description = "For each class, the input that maximises its score (gradient ascent from noise, L2 decay).")
    static final class ClassMax extends Ascent {
        @Option(names = "--classes", paramLabel = "LIST", description = "Classes to show, e.g. 3,8 (default: all).")
        String classes;

        @Option(names = "--decay", defaultValue = "0.01", description = "Pull towards the middle of the range per step (default: ${DEFAULT-VALUE}).")
        double decay;

        @Override
        void draw(PrintWriter stdout) throws Exception {
            report(stdout, GradientAscent.classInputs(model(), ints(classes, "--classes"), options(decay)), "classes");
        }
    }

    @Command(name = "saliency", mixinStandardHelpOptions = true, description = "Saliency maps |d score / d input| for test images.")
    static final class SaliencyCmd extends OnData {
        @Option(names = "--count", defaultValue = "8", description = "How many test images (default: ${DEFAULT-VALUE}).")
        int count;

        @Override
        void draw(PrintWriter stdout) throws Exception {
            Model m = model();
            TensorDataset t = inputs(m, count);
            Saliency s = Saliency.of(m, t.x(), null);
            s.writePng(t.x(), lo(), hi(), out());
            wrote(stdout, out(), source(t.size()) + ", predicted classes " + Arrays.toString(s.classes()));
            figures.put("images", t.size());
            figures.put("classes", s.classes());
        }
    }

    @Command(name = "gradcam", mixinStandardHelpOptions = true, description = "Grad-CAM heatmaps of the predicted class laid over test images.")
    static final class GradCamCmd extends OnData {
        @Option(names = "--count", defaultValue = "8", description = "How many test images (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--layer", description = "Convolution layer (default: the last one).")
        String layer;

        @Override
        void draw(PrintWriter stdout) throws Exception {
            Model m = model();
            TensorDataset t = inputs(m, count);
            GradCam cam = GradCam.of(m, t.x(), layer, null);
            cam.writePng(t.x(), lo(), hi(), out());
            wrote(stdout, out(), source(t.size()) + " at " + cam.layer() + ", predicted classes "
                    + Arrays.toString(cam.classes()));
            figures.put("layer", cam.layer());
            figures.put("images", t.size());
            figures.put("classes", cam.classes());
        }
    }

    @Command(name = "dream", mixinStandardHelpOptions = true, description = "Deep Dream: amplify what a layer sees in a test image, over octaves.")
    static final class Dream extends OnData {
        @Option(names = "--layer", required = true, description = "The layer whose activations are amplified, e.g. conv2d_1.")
        String layer;

        @Option(names = "--size", defaultValue = "0", description = "Resize the image to SIZE x SIZE first (0: keep the model's input size; "
                + "other sizes work where the layers up to --layer are convolutional).")
        int size;

        @Option(names = "--octaves", defaultValue = "3", description = "Octaves (default: ${DEFAULT-VALUE}).")
        int octaves;

        @Option(names = "--steps", defaultValue = "30", description = "Steps per octave (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--step-size", defaultValue = "0.03", description = "Step as a fraction of the input range (default: ${DEFAULT-VALUE}).")
        double stepSize;

        @Override
        void draw(PrintWriter stdout) throws Exception {
            Model m = model();
            Tensor x = inputs(m, 1).slice(0, 1).x();
            if (size > 0) x = ImageMath.resize(x, size, size);
            DeepDream.Options o = DeepDream.Options.defaults();
            o = new DeepDream.Options(octaves, o.octaveScale(), steps, stepSize, o.jitter(), lo(), hi(), o.seed());
            DeepDream d = DeepDream.of(m, x, layer, o);
            d.writePng(x, lo(), hi(), out());
            double[] obj = d.objective();
            wrote(stdout, out(), String.format(Locale.ROOT, "%s at %s, %dx%d; mean square activation per octave %s",
                    images != null ? images.get(0).toString() : "test image " + index, d.layer(), x.dim(2), x.dim(3), Arrays.toString(Arrays.stream(obj).mapToObj(v -> String.format(Locale.ROOT, "%.4g", v)).toArray())));
            figures.put("layer", d.layer());
            figures.put("final_objective", obj[obj.length - 1]);
        }
    }

    @Command(name = "style", mixinStandardHelpOptions = true,
            description = "Neural style transfer between two test images: content features of one, Gram-matrix style of the other.")
    static final class Style extends OnData {
        @Option(names = "--style-index", defaultValue = "1", description = "Test image giving the style (default: ${DEFAULT-VALUE}); --index gives the content.")
        int styleIndex;

        @Option(names = "--style-image", paramLabel = "FILE", description = "An image file giving the style (instead of --style-index).")
        Path styleImage;

        @Option(names = "--content-layer", description = "Layer whose features the content must match (default: the last convolution).")
        String contentLayer;

        @Option(names = "--style-layers", split = ",", description = "Layers whose Gram matrices the style must match (default: every convolution).")
        List<String> styleLayers;

        @Option(names = "--iterations", defaultValue = "150", description = "Adam iterations (default: ${DEFAULT-VALUE}).")
        int iterations;

        @Option(names = "--content-weight", defaultValue = "1", description = "Weight of the content loss (default: ${DEFAULT-VALUE}).")
        double contentWeight;

        @Option(names = "--style-weight", defaultValue = "1", description = "Weight of the style loss (default: ${DEFAULT-VALUE}).")
        double styleWeight;

        @Option(names = "--from-content", description = "Start from the content image instead of noise.")
        boolean fromContent;

        @Override
        void draw(PrintWriter stdout) throws Exception {
            Model m = model();
            Tensor content = inputs(m, 1).slice(0, 1).x(), style;
            if (styleImage != null) {
                style = saved().preprocessing().applyTo(readImages(List.of(styleImage), m.inputShape(), lo(), hi())).x();
            } else {
                TensorDataset t = test(m);
                if (styleIndex < 0 || styleIndex >= t.size()) throw new IllegalArgumentException("--style-index " + styleIndex + " is outside 0.." + (t.size() - 1));
                style = t.slice(styleIndex, styleIndex + 1).x();
            }
            var probe = dev.beak.viz.Probe.of(m);
            List<Integer> convs = probe.convNodes();
            if (convs.isEmpty()) throw new IllegalArgumentException("model has no convolution layer");
            String cl = contentLayer != null ? contentLayer : probe.name(convs.get(convs.size() - 1));
            List<String> sl = styleLayers != null ? styleLayers : convs.stream().map(probe::name).toList();
            StyleTransfer.Options o = new StyleTransfer.Options(iterations, contentWeight, styleWeight, 0.02,
                    fromContent ? StyleTransfer.Start.CONTENT : StyleTransfer.Start.NOISE, lo(), hi(), 1);
            StyleTransfer st = StyleTransfer.run(m, content, style, cl, sl, o);
            st.writePng(content, style, lo(), hi(), out());
            double[] c = st.contentLoss(), s = st.styleLoss();
            int n = c.length - 1;
            wrote(stdout, out(), String.format(Locale.ROOT, "content %s (%s), style %s (%s); content loss %.4g -> %.4g, style loss %.4g -> %.4g",
                    labelled() ? "test image " + index : images.get(0).toString(), cl, styleImage != null ? styleImage.toString() : "test image " + styleIndex,
                    String.join(",", sl), c[0], c[n], s[0], s[n]));
            figures.put("content_loss_start", c[0]);
            figures.put("content_loss_end", c[n]);
            figures.put("style_loss_start", s[0]);
            figures.put("style_loss_end", s[n]);
        }
    }

    @Command(name = "adversarial", mixinStandardHelpOptions = true,
            description = "FGSM (--steps 1) or iterative FGSM adversarial examples: predictions before and after, perturbation size.")
    static final class AdversarialCmd extends OnData {
        @Option(names = "--epsilon", defaultValue = "0.1", description = "Largest change of any pixel (default: ${DEFAULT-VALUE}).")
        double epsilon;

        @Option(names = "--steps", defaultValue = "1", description = "1 for FGSM, more for iterative FGSM (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--alpha", description = "Step size of iterative FGSM (default: 2.5 * epsilon / steps).")
        Double alpha;

        @Option(names = "--samples", defaultValue = "500", description = "Test images attacked to measure the flip rate (default: ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--count", defaultValue = "6", description = "How many of them to draw (default: ${DEFAULT-VALUE}).")
        int count;

        @Override
        void draw(PrintWriter stdout) throws Exception {
            Model m = model();
            TensorDataset t = inputs(m, samples);
            double a = alpha != null ? alpha : steps == 1 ? epsilon : 2.5 * epsilon / steps;
            // Without labels (image files) the attack pushes away from the model's own prediction.
            Adversarial adv = Adversarial.iterative(m, t.x(), labelled() ? t.y() : null, epsilon, a, steps, lo(), hi());
            adv.writePng(count, out());
            wrote(stdout, out(), String.format(Locale.ROOT, "%s eps %.3g on %d images: %.1f%% of predictions flipped, accuracy %.4f -> %.4f, "
                    + "max |dx| %.4g, mean |dx| %.4g", steps == 1 ? "FGSM" : "iterative FGSM", epsilon, t.size(), 100 * adv.flipRate(),
                    adv.accuracyBefore(), adv.accuracyAfter(), adv.maxPerturbation(), adv.meanPerturbation()));
            figures.put("epsilon", epsilon);
            figures.put("steps", steps);
            figures.put("images", t.size());
            figures.put("flip_rate", adv.flipRate());
            figures.put("accuracy_before", adv.accuracyBefore());
            figures.put("accuracy_after", adv.accuracyAfter());
            figures.put("max_perturbation", adv.maxPerturbation());
            figures.put("mean_perturbation", adv.meanPerturbation());
            figures.put("first_before", adv.before()[0]);
            figures.put("first_after", adv.after()[0]);
        }
    }
}
