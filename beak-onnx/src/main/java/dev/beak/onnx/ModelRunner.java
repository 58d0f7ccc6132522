package dev.beak.onnx;

import dev.beak.autograd.Autograd;
import dev.beak.io.ImageClassifier;
import dev.beak.io.Npy;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs a model file on inputs read from files: float32 NumPy arrays ({@code .npy}), ONNX tensors
 * ({@code .pb}), one per model input, or image files (a batch for a single-input model, decoded
 * with the model's input geometry and preprocessing as {@link ImageClassifier} does). Arrays hold a
 * batch (N, ...) or one sample; channels-last arrays (N, H, W, C) are turned channels-first, and the
 * outputs back. Beak's backend runs the graph in evaluation mode without gradients.
 *
 * {@snippet :
 * SavedModel saved = ModelFile.load(Path.of("mnist.beak"));
 * Tensor[] y = ModelRunner.run(saved, ModelRunner.inputs(saved, List.of(Path.of("x.npy")), false, false));
 * Npy.write(y[0], Path.of("y.npy"));
 * }
 * {@link #runFiles} does all of it in one call and describes what it wrote ({@code beak run}).
 */
public final class ModelRunner {
    private ModelRunner() {}

    /** The model's input tensors from {@code files}; {@code preprocess} applies the stored preprocessing to arrays (images always get it). */
    public static Tensor[] inputs(SavedModel saved, List<Path> files, boolean channelsLast, boolean preprocess) throws IOException {
        Model model = saved.model();
        int[][] shapes = model.inputShapes();
        if (files.stream().allMatch(ModelRunner::isImage)) {
            if (shapes.length != 1) throw new IllegalArgumentException("the model takes " + shapes.length + " inputs; give one array (.npy or .pb) per input, not images");
            ImageClassifier images = ImageClassifier.of(saved);
            return new Tensor[] {saved.preprocessing().apply(images.geometry().read(files))};
        }
        if (files.size() != shapes.length) {
            throw new IllegalArgumentException("the model takes " + shapes.length + " input" + (shapes.length == 1 ? "" : "s") + ", got " + files.size()
                    + " files (one .npy or .pb per input; images only for a single-input model)");
        }
        Tensor[] xs = new Tensor[files.size()];
        for (int k = 0; k < xs.length; k++) {
            Path f = files.get(k);
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            Tensor x = n.endsWith(".npy") ? Npy.read(f) : n.endsWith(".pb") ? OnnxTensors.toTensor(OnnxTensors.read(f)) : null;
            if (x == null) throw new IllegalArgumentException(f + ": not an input file Beak reads (.npy, .pb, or PNG/JPEG/BMP/GIF images)");
            xs[k] = batch(x, shapes[k], channelsLast, f);
            if (preprocess && k == 0) xs[k] = saved.preprocessing().apply(xs[k]);
        }
        return xs;
    }

    /** The model's outputs for {@code inputs} (evaluation mode, no gradients), channels-first. */
    public static Tensor[] run(SavedModel saved, Tensor... inputs) {
        try (var scope = Autograd.noGrad()) {
            return saved.model().forward(false, inputs);
        }
    }

    /**
     * An output as written: its name ({@link Model#outputNames()}), shape (channels-last when asked),
     * smallest, largest and mean value, and the file, or null.
     */
    public record OutputSummary(String name, int[] shape, double min, double max, double mean, Path file) {
        /** The figures of output {@code name}, {@code y}, written to {@code file} (null when it was not written). */
        public static OutputSummary of(String name, Tensor y, Path file) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
            for (float v : y.data()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            return new OutputSummary(name, y.shape(), min, max, sum / Math.max(1, y.size()), file);
        }
    }

    /** What {@link #runFiles} read and wrote: the input batches' shapes and one summary per model output. */
    public record FileRun(List<int[]> inputShapes, List<OutputSummary> outputs) {}

    /**
     * Reads the inputs from {@code inputFiles} (as {@link #inputs}), runs the model and writes output
     * {@code k} to {@code outputFiles[k]} as a float32 {@code .npy} (channels-last when {@code channelsLast}),
     * or, with {@code outputDir}, every output to {@code outputDir/NAME.npy} ({@link #outputFiles}); with
     * neither nothing is written. The number of output files must be the model's output count.
     */
    public static FileRun runFiles(SavedModel saved, List<Path> inputFiles, List<Path> outputFiles, Path outputDir, boolean channelsLast,
                                   boolean preprocess) throws IOException {
        List<String> names = saved.model().outputNames();
        int count = names.size();
        if (!outputFiles.isEmpty() && outputDir != null) throw new IllegalArgumentException("give --output files or --output-dir, not both");
        if (!outputFiles.isEmpty() && outputFiles.size() != count) {
            throw new IllegalArgumentException("the model has " + count + " output" + (count == 1 ? "" : "s") + " (" + String.join(", ", names) + "), got "
                    + outputFiles.size() + " --output files; --output-dir DIR writes each as DIR/NAME.npy");
        }
        if (outputDir != null) outputFiles = outputFiles(outputDir, names);
        for (Path o : outputFiles) {
            if (!o.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
                throw new IllegalArgumentException("--output " + o + ": outputs are written as .npy files");
            }
        }
        Tensor[] xs = inputs(saved, inputFiles, channelsLast, preprocess);
        Tensor[] ys = run(saved, xs);
        if (outputDir != null) java.nio.file.Files.createDirectories(outputDir);
        List<OutputSummary> outputs = new java.util.ArrayList<>();
        for (int o = 0; o < ys.length; o++) {
            Tensor y = channelsLast ? channelsLast(ys[o]) : ys[o];
            Path file = outputFiles.isEmpty() ? null : outputFiles.get(o);
            if (file != null) Npy.write(y, file);
            outputs.add(OutputSummary.of(names.get(o), y, file));
        }
        return new FileRun(Arrays.stream(xs).map(Tensor::shape).toList(), outputs);
    }

    /**
     * One file {@code dir/NAME.npy} per output name ({@link Model#outputNames()}): characters other than
     * letters, digits, '.', '-' and '_' become '_', and a name that then repeats an earlier file's gets
     * {@code _o} (its output index) appended, so that no output overwrites another.
     */
    public static List<Path> outputFiles(Path dir, List<String> names) {
        List<Path> files = new java.util.ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int o = 0; o < names.size(); o++) {
            String safe = names.get(o).replaceAll("[^A-Za-z0-9._-]", "_");
            if (safe.isEmpty() || safe.startsWith(".")) safe = "output" + safe;
            if (!taken.add(safe.toLowerCase(Locale.ROOT))) {
                safe = safe + "_" + o;
                taken.add(safe.toLowerCase(Locale.ROOT));
            }
            files.add(dir.resolve(safe + ".npy"));
        }
        return files;
    }

    /** (N, d1, ..., dk, C) to (N, C, d1, ..., dk). */
    public static Tensor channelsFirst(Tensor x) {
        if (x.rank() < 3) return x;
        int[] perm = new int[x.rank()];
        perm[1] = x.rank() - 1;
        for (int i = 2; i < perm.length; i++) perm[i] = i - 1;
        return Ops.transpose(x, perm);
    }

    /** (N, C, d1, ..., dk) to (N, d1, ..., dk, C). */
    public static Tensor channelsLast(Tensor x) {
        if (x.rank() < 3) return x;
        int[] perm = new int[x.rank()];
        for (int i = 1; i < perm.length - 1; i++) perm[i] = i + 1;
        perm[perm.length - 1] = 1;
        return Ops.transpose(x, perm);
    }

    /** {@code x} as a batch for an input of per-sample shape {@code sample}: (N, sample...) or one sample; fails naming the file. */
    private static Tensor batch(Tensor x, int[] sample, boolean channelsLast, Path file) {
        boolean single = x.rank() == sample.length;
        Tensor b = single ? x.view(Shape.prepend(1, x.shape())) : x;
        if (channelsLast) b = channelsFirst(b);
        if (b.rank() != sample.length + 1 || !Arrays.equals(Shape.dropFirst(b.shape()), sample)) {
            throw new IllegalArgumentException(file + ": array of shape " + Shape.toString(x.shape()) + " does not fit the model's input (N, "
                    + Shape.toString(sample).substring(1) + (channelsLast ? " (read channels-last)" : sample.length >= 2 ? " (channels first; --channels-last reads (N, H, W, C))" : ""));
        }
        return b;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".bmp") || n.endsWith(".gif");
    }
}
