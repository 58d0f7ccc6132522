package dev.beak.cli;

import dev.beak.data.EmbeddedMnist;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line under careless use: divergence, batches that cannot fit, a small heap. One line each, never a stack trace. */
class HostileCliTest {
    @TempDir Path dir;
    Path data;

    @BeforeEach
    void smallMnist() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        CliTest.writeIdx(EmbeddedMnist.train(), 320, data.resolve("train-images-idx3-ubyte"), data.resolve("train-labels-idx1-ubyte"));
        CliTest.writeIdx(EmbeddedMnist.test(), 300, data.resolve("t10k-images-idx3-ubyte"), data.resolve("t10k-labels-idx1-ubyte"));
    }

    @Test
    void divergenceWithAdamExitsNonZeroNamingTheLayer() {
        CliRun r = beak("train", "--data", data.toString(), "--epochs", "1", "--batch-size", "32", "--lr", "1e6",
                "--out", dir.resolve("m.beak").toString());
        assertThat(r.code()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("diverged").containsPattern("layer \\w+ \\(").doesNotContain("\tat ");
        assertThat(dir.resolve("m.beak")).doesNotExist();
    }

    @Test
    void aBatchThatCannotFitIsRefusedWithTheEstimate() {
        CliRun r = beak("train", "--data", data.toString(), "--epochs", "1", "--batch-size", "100000", "--out", dir.resolve("m.beak").toString());
        assertThat(r.code()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("--batch-size 100000: one training step needs about").contains("JAVA_OPTS=-Xmx").doesNotContain("\tat ");
    }

    @Test
    void trainingUnder256MegabytesOfHeapCompletesAndSaves() throws Exception {
        Path model = dir.resolve("small-heap.beak"), log = dir.resolve("log.txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train", "--data", data.toString(), "--epochs", "1", "--batch-size", "64", "--threads", "2",
                "--out", model.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("beak train finished").isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Test accuracy");
        assertThat(model).exists();
    }

    @Test
    void rawJdkErrorsAreOneLineAndUnwrapped() {
        assertThat(Main.describe(new java.util.concurrent.ExecutionException(new java.io.IOException("x.png: broken")))).isEqualTo("x.png: broken");
        assertThat(Main.describe(new ArrayIndexOutOfBoundsException("Index 0 out of bounds for length 0")))
                .startsWith("internal error (ArrayIndexOutOfBoundsException: Index 0 out of bounds for length 0)").contains("BEAK_DEBUG=1");
        assertThat(Main.describe(new OutOfMemoryError("Java heap space"))).contains("the JVM may use").contains("-Xmx");
    }
}
