package dev.beak.cli;

import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code beak convert IN OUT}: a model file (or a named network) to another format, chosen by file name. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Converts a model between formats, chosen by file name: .beak (Beak's model file) and .onnx (ONNX, opset 17+, "
                + "dynamic batch, class names and preprocessing as metadata). IN may be a named network (beak zoo lists them), "
                + "written with fresh weights.")
final class ConvertCommand implements Callable<Integer> {
    @Mixin OutputOptions output;

    @Parameters(index = "0", paramLabel = "IN", description = "A model file or a named network: " + ModelSource.NAMES)
    String in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (.beak or .onnx).")
    Path out;

    @Mixin NetworkArgs network;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of a named network's initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        ModelFormats.of(out);
        boolean named = ModelSource.isNamed(in);
        SavedModel model;
        if (named) {
            model = new SavedModel(ModelSource.resolve(in, seed, network), Map.of());
        } else {
            network.requireNone(in);
            model = ModelFormats.read(Path.of(in));
        }
        ModelFormats.write(model, out);
        Model m = model.model();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", in);
        r.put("input_format", named ? "network" : ModelFormats.of(Path.of(in)).name());
        r.put("output", out.toString());
        r.put("output_format", ModelFormats.of(out).name());
        r.put("layers", m.nodes().size());
        r.put("parameters", m.parameterCount());
        r.put("bytes", Files.size(out));
        output.human().printf("wrote %s (%s): %d layers, %,d parameters, %,d bytes%n", out, r.get("output_format"),
                m.nodes().size(), m.parameterCount(), Files.size(out));
        output.result(r);
        return 0;
    }
}
