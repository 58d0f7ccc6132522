package dev.beak.cli;

import dev.beak.io.Npy;
import dev.beak.io.SavedModel;
import dev.beak.onnx.ModelRunner;
import dev.beak.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code beak run MODEL --input X.npy --output Y.npy}: a model on arrays or images, outputs as NumPy arrays. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a model (.beak, .onnx or a named network) on float32 NumPy arrays (.npy), ONNX tensors (.pb) or image files, "
                + "and writes its outputs as float32 .npy files. Arrays are channels-first, (N, C, H, W) or one sample (C, H, W), "
                + "unless --channels-last.")
final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file or a named network: " + ModelSource.NAMES)
    String model;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "X.npy|X.pb|IMAGE",
            description = "One array per model input, in order; or image files (one batch) for a single-input model.")
    List<Path> inputs;

    @Option(names = "--output", arity = "1..*", paramLabel = "Y.npy", description = "Where to write the outputs, one .npy per model output, in order.")
    List<Path> outputs = List.of();

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Write every output as DIR/NAME.npy, NAME the output's name (as ONNX Runtime reports it; see --json), made safe for a file name.")
    Path outputDir;

    @Option(names = "--channels-last", description = "Arrays are (N, H, W, C) (Keras, TensorFlow); outputs of rank 3+ are written the same way.")
    boolean channelsLast;

    @Option(names = "--preprocess", description = "Apply the model file's fitted preprocessing to arrays too (images always get it).")
    boolean preprocess;

    @Mixin NetworkArgs network;

    @Option(names = "--json", description = "Print one JSON object (input and output shapes, value summaries) on stdout, nothing else.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SavedModel saved = ModelSource.isNamed(model) ? new SavedModel(ModelSource.resolve(model, 0, network), Map.of())
                : read(model);
        List<String> names = saved.model().outputNames();
        int count = names.size();
        if (!outputs.isEmpty() && outputDir != null) throw new IllegalArgumentException("give --output files or --output-dir, not both");
        if (!outputs.isEmpty() && outputs.size() != count) {
            throw new IllegalArgumentException("the model has " + count + " output" + (count == 1 ? "" : "s") + " (" + String.join(", ", names) + "), got "
                    + outputs.size() + " --output files; --output-dir DIR writes each as DIR/NAME.npy");
        }
        if (outputDir != null) outputs = ModelRunner.outputFiles(outputDir, names);
        for (Path o : outputs) {
            if (!o.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) throw new IllegalArgumentException("--output " + o + ": outputs are written as .npy files");
        }
        Tensor[] xs = ModelRunner.inputs(saved, inputs, channelsLast, preprocess);
        Tensor[] ys = ModelRunner.run(saved, xs);
        if (outputDir != null) java.nio.file.Files.createDirectories(outputDir);
        List<Map<String, Object>> described = new ArrayList<>();
        for (int o = 0; o < ys.length; o++) {
            Tensor y = channelsLast ? ModelRunner.channelsLast(ys[o]) : ys[o];
            if (!outputs.isEmpty()) Npy.write(y, outputs.get(o));
            described.add(summary(names.get(o), y, outputs.isEmpty() ? null : outputs.get(o)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", model);
            List<int[]> in = new ArrayList<>();
            for (Tensor x : xs) in.add(x.shape());
            r.put("input_shapes", in);
            r.put("outputs", described);
            out.println(Json.line(r));
        } else {
            for (Map<String, Object> d : described) {
                out.printf(Locale.ROOT, "output %s%s: min %.6g, max %.6g, mean %.6g%s%n", count == 1 ? "" : d.get("name") + " ",
                        dev.beak.tensor.Shape.toString((int[]) d.get("shape")),
                        d.get("min"), d.get("max"), d.get("mean"), d.get("file") == null ? "" : " -> " + d.get("file"));
            }
        }
        out.flush();
        return 0;
    }

    private SavedModel read(String file) throws java.io.IOException {
        network.requireNone(file);
        return ModelFormats.read(Path.of(file));
    }

    private static Map<String, Object> summary(String name, Tensor y, Path file) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
        for (float v : y.data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("shape", y.shape());
        d.put("min", min);
        d.put("max", max);
        d.put("mean", sum / Math.max(1, y.size()));
        if (file != null) d.put("file", file.toString());
        d.put("name", name);
        return d;
    }
}
