package dev.beak.cli;

import dev.beak.onnx.OnnxConformance;
import dev.beak.onnx.OnnxImporter;
import dev.beak.onnx.OnnxModel;
import dev.beak.onnx.OnnxTensors;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
        @Spec CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Test folders (each holding model.onnx).")
        List<Path> dirs;

        @Option(names = "--json", description = "Print a JSON summary as the last line.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
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
            if (json) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("passed", passed);
                figures.put("failed", failed);
                figures.put("skipped", skipped);
                figures.put("seconds", (System.nanoTime() - start) / 1e9);
                out.println(Json.line(figures));
            }
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs an ONNX model on inputs given as TensorProto files (.pb) or images (scaled to [0, 1] and "
                    + "resized to the model's input) and prints its outputs.")
    static final class Run implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MODEL", description = "An .onnx model file.")
        Path model;

        @Option(names = "--input", required = true, paramLabel = "X.pb|IMAGE",
                description = "One per model input, in order: a TensorProto .pb file or a PNG/JPEG image.")
        List<Path> inputs;

        @Option(names = "--values", defaultValue = "10", description = "Values printed per output (default: ${DEFAULT-VALUE}).")
        int values;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            OnnxModel onnx = OnnxImporter.load(model);
            if (inputs.size() != onnx.inputNames().size()) {
                throw new IllegalArgumentException(model + " takes " + onnx.inputNames().size() + " inputs " + onnx.inputNames()
                        + ", got " + inputs.size() + " --input");
            }
            List<Tensor> xs = new ArrayList<>();
            int[][] shapes = onnx.model().inputShapes();
            for (int i = 0; i < inputs.size(); i++) xs.add(read(inputs.get(i), shapes[i]));
            Tensor[] ys = onnx.run(xs.toArray(Tensor[]::new));
            for (int o = 0; o < ys.length; o++) {
                Tensor y = ys[o];
                out.printf(Locale.ROOT, "%s %s:", onnx.outputNames().get(o), Shape.toString(y.shape()));
                for (int i = 0; i < Math.min(values, y.size()); i++) out.printf(Locale.ROOT, " %.6g", y.data()[i]);
                out.println(y.size() > values ? " ..." : "");
                if (y.rank() == 2 && y.dim(0) == 1 && y.dim(1) > 1) out.println("  top: " + top(y.data(), 5));
            }
            out.flush();
            return 0;
        }

        private static Tensor read(Path p, int[] perSample) throws IOException {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".pb")) return OnnxTensors.toTensor(OnnxTensors.read(p));
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("no such file: " + p);
            BufferedImage img = ImageIO.read(p.toFile());
            if (img == null) throw new IllegalArgumentException(p + " is neither a .pb tensor nor an image Java can read");
            int c = perSample.length == 3 ? perSample[0] : 3;
            int h = perSample.length == 3 ? perSample[1] : img.getHeight(), w = perSample.length == 3 ? perSample[2] : img.getWidth();
            BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, w, h, null);
            g.dispose();
            float[] d = new float[c * h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = scaled.getRGB(x, y), r = rgb >> 16 & 255, gr = rgb >> 8 & 255, b = rgb & 255;
                    if (c == 1) d[y * w + x] = (0.299f * r + 0.587f * gr + 0.114f * b) / 255f;
                    else for (int ch = 0; ch < c; ch++) d[(ch * h + y) * w + x] = (ch == 0 ? r : ch == 1 ? gr : b) / 255f;
                }
            }
            return Tensor.of(d, 1, c, h, w);
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
