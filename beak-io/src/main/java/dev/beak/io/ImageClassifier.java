package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.data.image.ColorMode;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.nn.OutputKind;
import dev.beak.nn.train.EvaluationListener;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A saved classifier applied to image files of any size: each file is decoded with the model file's
 * input geometry (size, colour, resize, centre crop, range) and preprocessing, exactly as its
 * validation data was, and scored; the answer is each file's best classes with their names and
 * softmax probabilities. A model without a stored geometry (an imported ONNX graph, an old file)
 * takes its input shape with centre-cropping resize and pixels 0..1 ({@link #defaultGeometry}).
 *
 * {@snippet :
 * ImageClassifier classifier = ImageClassifier.of(ModelFile.load(Path.of("runs/flowers.beak")));
 * for (ImageClassifier.Scored s : classifier.classify(List.of(Path.of("rose.jpg")), 3)) System.out.println(s.top().getFirst());
 * }
 */
public final class ImageClassifier {
    /** One class of a prediction: its index, its name (the index as text when the file names no classes), its probability. */
    public record RankedClass(int index, String name, double probability) {}

    /** A file's best classes, most probable first. */
    public record Scored(Path file, List<RankedClass> top) {
        public Scored {
            top = List.copyOf(top);
        }
    }

    private final SavedModel saved;
    private final InputGeometry geometry;

    private ImageClassifier(SavedModel saved, InputGeometry geometry) {
        this.saved = saved;
        this.geometry = geometry;
    }

    public static ImageClassifier of(SavedModel saved) {
        int[] in = saved.model().inputShape();
        InputGeometry g = saved.inputGeometry() != null ? saved.inputGeometry() : defaultGeometry(in);
        if (in != null && !Arrays.equals(g.sampleShape(), in)) {
            throw new IllegalArgumentException("the model file decodes images to " + Shape.toString(g.sampleShape()) + " but the model takes "
                    + Shape.toString(in));
        }
        return new ImageClassifier(saved, g);
    }

    /** For a model that stores none: its (C, H, W) input, grey for 1 channel and RGB for 3, centre-cropping resize, pixels 0..1. */
    public static InputGeometry defaultGeometry(int[] chw) {
        if (chw == null || chw.length != 3 || (chw[0] != 1 && chw[0] != 3)) {
            throw new IllegalArgumentException("the model takes " + (chw == null ? "an unknown input" : Shape.toString(chw))
                    + ", not a grey or RGB image (C, H, W); it cannot score image files");
        }
        return InputGeometry.of(chw[1], chw[2], chw[0] == 1 ? ColorMode.GREY : ColorMode.RGB, ResizeMode.CROP, InputRange.UNIT);
    }

    public InputGeometry geometry() {
        return geometry;
    }

    /** The {@code k} best classes of every file, in the order given, scored in batches of 64. */
    public List<Scored> classify(List<Path> files, int k) throws DataFileException {
        return classify(files, k, EvaluationListener.NONE);
    }

    /** {@link #classify(List, int)}, telling {@code listener} of every batch of files decoded and scored (a progress bar). */
    public List<Scored> classify(List<Path> files, int k, EvaluationListener listener) throws DataFileException {
        if (k < 1) throw new IllegalArgumentException("top-k needs k >= 1, got " + k);
        List<Scored> all = new ArrayList<>();
        int batches = (files.size() + BATCH - 1) / BATCH;
        long start = System.nanoTime();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            List<List<RankedClass>> ranked = rank(geometry.read(batch), k);
            for (int i = 0; i < batch.size(); i++) all.add(new Scored(batch.get(i), ranked.get(i)));
            listener.onBatchEnd(from / BATCH + 1, batches, all.size(), (System.nanoTime() - start) / 1e9);
        }
        return all;
    }

    /** Files decoded and scored together. */
    private static final int BATCH = 64;

    /**
     * The {@code k} best classes of each of the decoded images {@code raw} (N, C, H, W), as {@link InputGeometry}
     * gives them before preprocessing (for images decoded elsewhere, e.g. from Spark rows).
     */
    public List<List<RankedClass>> rank(Tensor raw, int k) {
        return top(probabilities(saved.preprocessing().apply(raw)), k);
    }

    /**
     * Encoded image bytes (PNG, JPEG, ...; {@code source} names them in messages) as the model takes them:
     * decoded with the stored geometry and preprocessed, (1, C, H, W).
     */
    public Tensor input(byte[] image, String source) throws DataFileException {
        return saved.preprocessing().apply(geometry.decode(image, source));
    }

    /** Class probabilities (N, K) of preprocessed inputs {@code x} (softmax of the outputs, unless they already are probabilities). */
    public Tensor probabilities(Tensor x) {
        return probabilitiesOf(saved.model().predict(x, 64));
    }

    /** Model outputs (N, K) as probabilities: softmax, unless every row already is a distribution. */
    public static Tensor probabilitiesOf(Tensor out) {
        requireClassScores(out);
        return OutputKind.probabilities(out); // a graph that ends in softmax (common in ONNX files) is not softmaxed twice
    }

    /** The {@code k} (at most K) most probable classes of each row of probabilities {@code p} (N, K). */
    public List<List<RankedClass>> top(Tensor p, int k) {
        if (k < 1) throw new IllegalArgumentException("top-k needs k >= 1, got " + k);
        int classes = p.dim(1);
        List<List<RankedClass>> all = new ArrayList<>();
        for (int i = 0; i < p.dim(0); i++) all.add(top(p.data(), i * classes, classes, Math.min(k, classes)));
        return all;
    }

    /** True when every row of (N, K) is non-negative and sums to 1 ({@link OutputKind}). */
    private static void requireClassScores(Tensor out) {
        if (out.rank() != 2) throw new IllegalArgumentException("the model gives " + Shape.toString(out.shape()) + ", not (N, classes)");
    }

    private List<RankedClass> top(float[] p, int off, int classes, int k) {
        Integer[] order = new Integer[classes];
        for (int c = 0; c < classes; c++) order[c] = c;
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -p[off + c]).thenComparingInt(c -> c));
        List<RankedClass> r = new ArrayList<>();
        List<String> names = saved.classNames();
        for (int j = 0; j < k; j++) {
            int c = order[j];
            r.add(new RankedClass(c, c < names.size() ? names.get(c) : Integer.toString(c), p[off + c]));
        }
        return r;
    }
}
