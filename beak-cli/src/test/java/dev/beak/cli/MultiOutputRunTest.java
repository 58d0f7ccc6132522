package dev.beak.cli;

import dev.beak.io.ModelFile;
import dev.beak.io.Npy;
import dev.beak.io.SavedModel;
import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code beak run} on a model with two outputs: every output, by name, from .beak and from its ONNX export alike. */
class MultiOutputRunTest {
    @TempDir Path dir;

    /** One input (5), a shared trunk, two heads: "digit" (3 logits) and "parity" (2 logits). */
    static Model twoHeads() {
        SymbolicTensor x = Functional.input(5);
        SymbolicTensor trunk = x.then("trunk", Layers.dense(8, Activation.RELU));
        return Functional.model("two_heads", List.of(x), List.of(trunk.then("digit", Layers.dense(3)), trunk.then("parity", Layers.dense(2))), 11);
    }

    @Test
    void everyOutputIsWrittenUnderItsNameFromBeakAndFromOnnx() throws IOException {
        Model model = twoHeads();
        Path beakFile = dir.resolve("two.beak"), onnx = dir.resolve("two.onnx"), x = dir.resolve("x.npy");
        ModelFile.save(new SavedModel(model, Map.of()), beakFile);
        Tensor input = Tensor.randn(new SplittableRandom(3), 4, 5);
        Npy.write(input, x);
        Map<String, Tensor> expected = model.predictOutputs(2, input);

        CliRun run = beak("run", beakFile.toString(), "--input", x.toString(), "--output-dir", dir.resolve("out").toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().strip()).startsWith("{\"model\":").contains("\"name\":\"digit\"", "\"name\":\"parity\"").doesNotContain("\n");
        assertClose(Npy.read(dir.resolve("out/digit.npy")), expected.get("digit"));
        assertClose(Npy.read(dir.resolve("out/parity.npy")), expected.get("parity"));

        assertThat(beak("convert", beakFile.toString(), onnx.toString()).code()).isZero();
        CliRun fromOnnx = beak("run", onnx.toString(), "--input", x.toString(), "--output-dir", dir.resolve("onnx-out").toString());
        assertThat(fromOnnx.code()).as(fromOnnx.err()).isZero();
        assertThat(fromOnnx.out()).contains("output digit (4, 3): ", "output parity (4, 2): ");
        assertClose(Npy.read(dir.resolve("onnx-out/digit.npy")), expected.get("digit"));
        assertClose(Npy.read(dir.resolve("onnx-out/parity.npy")), expected.get("parity"));

        Path a = dir.resolve("a.npy"), b = dir.resolve("b.npy");
        assertThat(beak("run", beakFile.toString(), "--input", x.toString(), "--output", a.toString(), b.toString()).code()).isZero();
        assertClose(Npy.read(b), expected.get("parity"));
    }

    @Test
    void tooFewOutputFilesNameTheOutputsAndTheOptionThatWritesThemAll() throws IOException {
        Path beakFile = dir.resolve("two.beak"), x = dir.resolve("x.npy");
        ModelFile.save(new SavedModel(twoHeads(), Map.of()), beakFile);
        Npy.write(Tensor.zeros(1, 5), x);
        CliRun one = beak("run", beakFile.toString(), "--input", x.toString(), "--output", dir.resolve("y.npy").toString());
        assertThat(one.code()).isNotZero();
        assertThat(one.err().strip()).isEqualTo("beak run: the model has 2 outputs (digit, parity), got 1 --output files; --output-dir DIR writes each as DIR/NAME.npy");
        CliRun both = beak("run", beakFile.toString(), "--input", x.toString(), "--output", dir.resolve("y.npy").toString(), "--output-dir", dir.toString());
        assertThat(both.err()).contains("give --output files or --output-dir, not both");
        assertThat(Files.exists(dir.resolve("y.npy"))).isFalse();
    }

    private static void assertClose(Tensor actual, Tensor expected) {
        assertThat(actual.shape()).containsExactly(expected.shape());
        for (int i = 0; i < expected.size(); i++) assertThat(actual.data()[i]).isCloseTo(expected.data()[i], within(1e-5f));
    }
}
