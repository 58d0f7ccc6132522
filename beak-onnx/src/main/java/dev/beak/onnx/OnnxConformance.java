package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs one ONNX backend test folder ({@code model.onnx} plus {@code test_data_set_*}/{@code input_*.pb}
 * and {@code output_*.pb}): import, run every data set, compare with the expected outputs
 * elementwise, {@code |actual - expected| <= atol + rtol * |expected|}.
 *
 * <p>A test is skipped, with the reason, only when it needs integer arithmetic (Beak computes in
 * float32), a Resize mode Beak does not implement, or a planned Beak op that is not there yet.
 */
public final class OnnxConformance {
    private OnnxConformance() {}

    public static final double RTOL = 1e-3, ATOL = 1e-5;

    /** Ops whose results differ between integer and float arithmetic (wrap-around, truncating division). */
    private static final Set<String> ARITHMETIC = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Mod", "Sum", "Mean", "Neg", "Abs");

    public enum Status { PASSED, FAILED, SKIPPED }

    /** One test's outcome; {@code maxDiff} is the largest |actual - expected| (of a failed test: among the values off; NaN when nothing ran). */
    public record Result(String name, Status status, String detail, double maxDiff) {
        /** The line {@code beak onnx check} prints. */
        public String line() {
            return switch (status) {
                case PASSED -> String.format(Locale.ROOT, "%s: passed (max |diff| %.3g)", name, maxDiff);
                case FAILED -> name + ": FAILED: " + detail;
                case SKIPPED -> name + ": skipped: " + detail;
            };
        }
    }

    public static Result check(Path dir) {
        String name = dir.getParent() == null ? dir.getFileName().toString()
                : dir.getParent().getFileName() + "/" + dir.getFileName();
        try {
            return run(dir, name);
        } catch (OnnxImportException e) {
            return switch (e.reason()) {
                case NEEDS_OP, RESIZE_MODE -> new Result(name, Status.SKIPPED, e.detail(), Double.NaN);
                default -> new Result(name, Status.FAILED, e.getMessage(), Double.NaN);
            };
        } catch (IOException | RuntimeException e) {
            return new Result(name, Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), Double.NaN);
        }
    }

    private static Result run(Path dir, String name) throws IOException {
        Path modelFile = dir.resolve("model.onnx");
        if (!Files.isRegularFile(modelFile)) return new Result(name, Status.FAILED, "no model.onnx in " + dir, Double.NaN);
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(modelFile));
        List<Path> sets;
        try (Stream<Path> s = Files.list(dir)) {
            sets = s.filter(p -> p.getFileName().toString().startsWith("test_data_set_") && Files.isDirectory(p)).sorted().toList();
        }
        if (sets.isEmpty()) return new Result(name, Status.FAILED, "no test_data_set_* folder in " + dir, Double.NaN);
        List<TensorProto[][]> data = new ArrayList<>();
        for (Path set : sets) data.add(new TensorProto[][] {read(set, "input_"), read(set, "output_")});
        String integer = integerArithmetic(proto, data);
        if (integer != null) return new Result(name, Status.SKIPPED, integer, Double.NaN);

        OnnxModel model = OnnxImporter.fromProto(proto, dir.getFileName().toString(), tensors(data.get(0)[0]));
        double worst = 0;
        for (int s = 0; s < data.size(); s++) {
            Tensor[] actual = model.run(tensors(data.get(s)[0]));
            TensorProto[] expected = data.get(s)[1];
            if (actual.length != expected.length) {
                return new Result(name, Status.FAILED, actual.length + " outputs, expected " + expected.length, Double.NaN);
            }
            for (int o = 0; o < expected.length; o++) {
                Tensor want = OnnxTensors.toTensor(expected[o]), got = actual[o];
                if (!Arrays.equals(want.shape(), got.shape())) {
                    return new Result(name, Status.FAILED, sets.get(s).getFileName() + " output " + o + ": shape " + Shape.toString(got.shape())
                            + ", expected " + Shape.toString(want.shape()), Double.NaN);
                }
                float[] g = got.data(), w = want.data();
                int off = 0, at = -1;
                double largest = 0;
                for (int i = 0; i < w.length; i++) {
                    if (Float.isNaN(w[i]) && Float.isNaN(g[i])) continue;
                    double diff = Float.isInfinite(w[i]) && g[i] == w[i] ? 0 : Math.abs((double) g[i] - w[i]);
                    boolean ok = diff <= ATOL + RTOL * Math.abs(w[i]);
                    if (!ok) off++;
                    // NaN where a number was expected counts as the largest difference.
                    if (!ok && (at < 0 || !(diff <= largest))) {
                        at = i;
                        largest = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
                    }
                    if (ok) worst = Math.max(worst, diff);
                }
                if (off > 0) {
                    return new Result(name, Status.FAILED, String.format(Locale.ROOT,
                            "%s output %d: %d of %d values off, largest |diff| %.3g at %d (%s, expected %s)",
                            sets.get(s).getFileName(), o, off, w.length, largest, at, g[at], w[at]), largest);
                }
            }
        }
        return new Result(name, Status.PASSED, "", worst);
    }

    /** A skip reason when the test computes with integer values that float32 would not reproduce, else null. */
    private static String integerArithmetic(ModelProto proto, List<TensorProto[][]> data) {
        boolean arithmetic = false;
        for (NodeProto n : proto.getGraph().getNodeList()) arithmetic |= ARITHMETIC.contains(n.getOpType());
        for (TensorProto[][] set : data) {
            for (TensorProto[] group : set) {
                for (TensorProto t : group) {
                    if (!OnnxTensors.isInteger(t.getDataType()) || t.getDataType() == TensorProto.DataType.BOOL_VALUE) continue;
                    String type = OnnxTensors.typeName(t.getDataType());
                    if (arithmetic) return "integer-typed arithmetic on " + type + " (Beak computes in float32)";
                    if (!OnnxTensors.exactInFloat(t)) return "integer-typed arithmetic on " + type + " values beyond 2^24 (Beak computes in float32)";
                }
            }
        }
        return null;
    }

    private static TensorProto[] read(Path set, String prefix) throws IOException {
        List<TensorProto> r = new ArrayList<>();
        for (int i = 0; ; i++) {
            Path p = set.resolve(prefix + i + ".pb");
            if (!Files.exists(p)) break;
            r.add(OnnxTensors.read(p));
        }
        return r.toArray(TensorProto[]::new);
    }

    private static Tensor[] tensors(TensorProto[] protos) {
        Tensor[] t = new Tensor[protos.length];
        for (int i = 0; i < t.length; i++) t[i] = OnnxTensors.toTensor(protos[i]);
        return t;
    }
}
