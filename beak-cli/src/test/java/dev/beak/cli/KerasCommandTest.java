package dev.beak.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
    void aBrokenKerasFileIsOneLineNamingIt(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.h5");
        byte[] all = Files.readAllBytes(MNIST.resolve("model.h5"));
        Files.write(broken, java.util.Arrays.copyOf(all, all.length / 3));
        CliRun r = beak("summary", broken.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains(broken.toString()).doesNotContain("\tat ");
    }
}
