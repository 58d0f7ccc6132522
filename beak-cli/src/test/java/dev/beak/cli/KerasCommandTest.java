package dev.beak.cli;

import dev.beak.io.Npy;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;

/** Keras files (Keras 2 .h5, Keras 3 .keras, TF.js model.json) wherever the commands take a model. */
class KerasCommandTest {
    private static final Path MNIST = Path.of("..", "beak-keras", "src", "test", "resources", "keras", "mnist_cnn");

    @Test
    void summaryReadsEachKerasFormat() {
        for (String file : new String[] {"model.h5", "model.keras", "model.json"}) {
            CliRun r = beak("summary", MNIST.resolve(file).toString());
            assertThat(r.code()).as(r.all()).isZero();
            assertThat(r.out()).contains("conv1", "classifier", "5,258");
        }
    }

    @Test
    void aKerasModelConvertsToOnnxAndBeakAndAllThreeRunAlike(@TempDir Path dir) throws IOException {
        Path x = dir.resolve("x.npy"), onnx = dir.resolve("m.onnx"), beakFile = dir.resolve("m.beak");
        Npy.write(Tensor.randn(new SplittableRandom(2), 3, 1, 28, 28), x);
        for (Path out : new Path[] {onnx, beakFile}) {
            CliRun c = beak("convert", MNIST.resolve("model.h5").toString(), out.toString(), "--json");
            assertThat(c.code()).as(c.all()).isZero();
            assertThat(c.out().strip()).contains("\"input_format\":\"keras\"", "\"parameters\":5258");
        }
        Tensor[] y = new Tensor[4];
        String[] models = {MNIST.resolve("model.h5").toString(), MNIST.resolve("model.json").toString(), onnx.toString(), beakFile.toString()};
        for (int i = 0; i < models.length; i++) {
            Path out = dir.resolve("y" + i + ".npy");
            CliRun r = beak("run", models[i], "--input", x.toString(), "--output", out.toString());
            assertThat(r.code()).as(r.all()).isZero();
            y[i] = Npy.read(out);
        }
        assertThat(y[0].shape()).containsExactly(3, 10);
        for (int i = 1; i < y.length; i++) {
            for (int k = 0; k < y[0].size(); k++) assertThat(y[i].data()[k]).as(models[i]).isCloseTo(y[0].data()[k], org.assertj.core.data.Offset.offset(1e-5f));
        }
        CliRun back = beak("convert", beakFile.toString(), dir.resolve("m.keras").toString());
        assertThat(back.code()).isEqualTo(1);
        assertThat(back.err()).contains("Beak reads keras models but does not write them").doesNotContain("\tat ");
    }

    /** The fixtures with Keras' wiring, shape, merge, activation and 1-d layers export to ONNX and run as the Keras file does. */
    @Test
    void kerasFixturesOfEveryLayerKindRunAlikeAfterConversionToOnnx(@TempDir Path dir) throws IOException {
        record Fixture(String name, int outputs, int... input) {}
        for (Fixture f : List.of(new Fixture("graph_layers", 2, 2, 3, 8, 7), new Fixture("activations", 2, 2, 4, 5, 6),
                new Fixture("sequence", 1, 2, 3, 20), new Fixture("nested", 1, 2, 2, 6, 6))) {
            Path keras = MNIST.resolveSibling(f.name()).resolve("model.keras"), onnx = dir.resolve(f.name() + ".onnx"), x = dir.resolve(f.name() + ".npy");
            Npy.write(Tensor.randn(new SplittableRandom(3), f.input()), x);
            CliRun c = beak("convert", keras.toString(), onnx.toString());
            assertThat(c.code()).as(f.name() + ": " + c.all()).isZero();
            for (String model : new String[] {"keras", "onnx"}) {
                List<String> args = new ArrayList<>(List.of("run", model.equals("keras") ? keras.toString() : onnx.toString(), "--input", x.toString(), "--output"));
                for (int o = 0; o < f.outputs(); o++) args.add(dir.resolve(f.name() + "-" + model + o + ".npy").toString());
                CliRun r = beak(args.toArray(String[]::new));
                assertThat(r.code()).as(f.name() + ": " + r.all()).isZero();
            }
            for (int o = 0; o < f.outputs(); o++) {
                Tensor expected = Npy.read(dir.resolve(f.name() + "-keras" + o + ".npy")), actual = Npy.read(dir.resolve(f.name() + "-onnx" + o + ".npy"));
                assertThat(actual.shape()).as(f.name()).containsExactly(expected.shape());
                for (int k = 0; k < expected.size(); k++) {
                    assertThat(actual.data()[k]).as(f.name() + " output " + o).isCloseTo(expected.data()[k], org.assertj.core.data.Offset.offset(1e-4f));
                }
            }
        }
    }

    @Test
    void aBrokenKerasFileIsOneLineNamingIt(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.h5");
        byte[] all = Files.readAllBytes(MNIST.resolve("model.h5"));
        Files.write(broken, java.util.Arrays.copyOf(all, all.length / 3));
        CliRun r = beak("summary", broken.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains(broken.toString()).doesNotContain("\tat ");
    }
}
