package dev.beak.cli;

import dev.beak.onnx.OnnxConformance;
import dev.beak.onnx.OnnxImporter;
import dev.beak.onnx.OnnxInputs;
import dev.beak.onnx.OnnxModel;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code beak onnx check DIR...} runs ONNX backend tests; {@code beak onnx run MODEL --input X} runs a model. */
@Command(name = "onnx", mixinStandardHelpOptions = true, description = "Import and run ONNX models.",
        subcommands = {OnnxCommand.Check.class, OnnxCommand.Run.class})
final class OnnxCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Imports and runs ONNX backend test folders (model.onnx, test_data_set_*/input_*.pb, output_*.pb) "
                    + "and compares with the expected outputs (rtol 1e-3, atol 1e-5). Exits 1 if a test failed; skipped tests do not fail.")
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Test folders (each holding model.onnx).")
        List<Path> dirs;

        @Mixin OutputOptions output;

        @Override
        public Integer call() {
            PrintWriter out = output.human();
            int passed = 0, failed = 0, skipped = 0;
            long start = System.nanoTime();
            for (Path dir : dirs) {
                OnnxConformance.Result r = OnnxConformance.check(dir);
                out.println(r.line());
                out.flush();
                switch (r.status()) {
                    case PASSED -> passed++;
                    case FAILED -> failed++;
                    case SKIPPED -> skipped++;
                }
            }
            out.printf(Locale.ROOT, "%d passed, %d failed, %d skipped%n", passed, failed, skipped);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("passed", passed);
            figures.put("failed", failed);
            figures.put("skipped", skipped);
            figures.put("seconds", (System.nanoTime() - start) / 1e9);
            output.result(figures);
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs an ONNX model on inputs given as TensorProto files (.pb) or images (scaled to [0, 1] and "
                    + "resized to the model's input) and prints its outputs.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MODEL", description = "An .onnx model file.")
        Path model;

        @Option(names = "--input", required = true, paramLabel = "X.pb|IMAGE",
                description = "One per model input, in order: a TensorProto .pb file or a PNG/JPEG image.")
        List<Path> inputs;

        @Option(names = "--values", defaultValue = "10", description = "Values printed per output (default: ${DEFAULT-VALUE}; --json: all of them).")
        int values;

        @Mixin OutputOptions output;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = output.human();
            OnnxModel onnx = OnnxImporter.load(model);
            Tensor[] ys = onnx.run(OnnxInputs.read(onnx, model, inputs));
            List<Map<String, Object>> outputs = new ArrayList<>();
            for (int o = 0; o < ys.length; o++) {
                Tensor y = ys[o];
                out.printf(Locale.ROOT, "%s %s:", onnx.outputNames().get(o), Shape.toString(y.shape()));
                for (int i = 0; i < Math.min(values, y.size()); i++) out.printf(Locale.ROOT, " %.6g", y.data()[i]);
                out.println(y.size() > values ? " ..." : "");
                if (y.rank() == 2 && y.dim(0) == 1 && y.dim(1) > 1) out.println("  top: " + top(y.data(), 5));
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", onnx.outputNames().get(o));
                one.put("shape", y.shape());
                one.put("values", y.data());
                outputs.add(one);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("model", model.toString());
            figures.put("outputs", outputs);
            output.result(figures);
            return 0;
        }

        private static String top(float[] v, int k) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < v.length; i++) idx.add(i);
            idx.sort((a, b) -> Float.compare(v[b], v[a]));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(k, v.length); i++) {
                sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d (%.4g)", idx.get(i), v[idx.get(i)]));
            }
            return sb.toString();
        }
    }
}
