package dev.beak.cli;

import dev.beak.io.Npy;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
