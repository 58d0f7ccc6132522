package dev.beak.cli;

import dev.beak.nn.Model;
import dev.beak.nn.zoo.Zoo;
import dev.beak.onnx.OnnxImporter;
import dev.beak.onnx.OnnxModel;
import dev.beak.tensor.Tensor;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * A model {@code beak bench} times ({@link dev.beak.bench.ModelBench}): its name in the lines, its inference call
 * and its per-sample input shape. An .onnx file is named by its folder and file, as ONNX Runtime's runner does.
 */
record BenchTarget(String name, Function<Tensor, ?> infer, int[] sampleShape) {
    /** {@code target} (a zoo network, a .beak or an .onnx file) at batch {@code batch}; not a model bench takes: UnsupportedOperationException. */
    static BenchTarget of(String target, int batch) throws Exception {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".onnx")) {
            Path file = Path.of(target);
            OnnxModel m = OnnxImporter.load(file);
            singleInput(m.inputNames().size());
            return new BenchTarget(file.getParent() == null ? target : file.getParent().getFileName() + "/" + file.getFileName(), m::run,
                    m.model().inputShape());
        }
        if (!Zoo.contains(target) && !lower.endsWith(".beak")) {
            throw new UnsupportedOperationException("not a workload (W1, W2, W3, W4), a zoo network (beak zoo), a .beak nor an .onnx file");
        }
        Model m = ModelSource.resolve(target, 0);
        singleInput(m.inputCount());
        return new BenchTarget(target, x -> m.predict(x, batch), m.inputShape());
    }

    private static void singleInput(int inputs) {
        if (inputs != 1) throw new UnsupportedOperationException("takes " + inputs + " inputs; beak bench times single-input models");
    }
}
