package dev.beak.cli;

import dev.beak.io.SavedModel;
import dev.beak.onnx.ModelRunner;
import dev.beak.tensor.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code beak run MODEL --input X.npy --output Y.npy}: a model on arrays or images, outputs as NumPy arrays ({@link ModelRunner#runFiles}). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a model (.beak, .onnx or a named network) on float32 NumPy arrays (.npy), ONNX tensors (.pb) or image files, "
                + "and writes its outputs as float32 .npy files. Arrays are channels-first, (N, C, H, W) or one sample (C, H, W), "
                + "unless --channels-last.")
final class RunCommand implements Callable<Integer> {
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

    @Mixin OutputOptions output;

    @Override
    public Integer call() throws Exception {
        SavedModel saved;
        if (ModelSource.isNamed(model)) {
            saved = new SavedModel(ModelSource.resolve(model, 0, network), Map.of());
        } else {
            network.requireNone(model);
            saved = ModelFormats.read(Path.of(model));
        }
        ModelRunner.FileRun run = ModelRunner.runFiles(saved, inputs, outputs, outputDir, channelsLast, preprocess);
        List<Map<String, Object>> described = new ArrayList<>();
        for (ModelRunner.OutputSummary o : run.outputs()) {
            output.human().printf(Locale.ROOT, "output %s%s: min %.6g, max %.6g, mean %.6g%s%n", run.outputs().size() == 1 ? "" : o.name() + " ",
                    Shape.toString(o.shape()), o.min(), o.max(), o.mean(), o.file() == null ? "" : " -> " + o.file());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("shape", o.shape());
            d.put("min", o.min());
            d.put("max", o.max());
            d.put("mean", o.mean());
            if (o.file() != null) d.put("file", o.file().toString());
            d.put("name", o.name());
            described.add(d);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", model);
        r.put("input_shapes", run.inputShapes());
        r.put("outputs", described);
        output.result(r);
        return 0;
    }
}
