package dev.beak.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OnnxCommandTest {
    private static final Path CONFORMANCE = Path.of("..", "..", "shared", "conformance");

    @Test
    void checkPassesSkipsWithReasonAndEndsWithTheTally() {
        assumeTrue(Files.isDirectory(CONFORMANCE), "ONNX conformance data is not here");
        Path node = CONFORMANCE.resolve("onnx-node");
        CliRun r = beak("onnx", "check", node.resolve("test_relu").toString(), node.resolve("test_resize_upsample_sizes_cubic").toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("onnx-node/test_relu: passed", "onnx-node/test_resize_upsample_sizes_cubic: skipped: cubic interpolation is not implemented",
                "1 passed, 0 failed, 1 skipped");
        assertThat(r.out().strip()).startsWith("{\"passed\":1,\"failed\":0,\"skipped\":1");
    }

    @Test
    void aFailedTestMakesCheckExitNonZero(@TempDir Path dir) {
        CliRun r = beak("onnx", "check", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED: no model.onnx", "0 passed, 1 failed, 0 skipped");
    }

    @Test
    void summaryAndRunOfAnOnnxModel() {
        Path test = CONFORMANCE.resolve("onnx-pytorch-converted").resolve("test_Conv2d");
        assumeTrue(Files.isDirectory(test), "ONNX conformance data is not here");
        CliRun summary = beak("summary", test.resolve("model.onnx").toString());
        assertThat(summary.code()).isZero();
        assertThat(summary.out()).contains("(Conv)", "(None, 4, 5, 4)", "Total params: 76");
        CliRun run = beak("onnx", "run", test.resolve("model.onnx").toString(), "--input",
                test.resolve("test_data_set_0").resolve("input_0.pb").toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("3 (2, 4, 5, 4):");
    }

    @Test
    void benchTimesAnOnnxModelInTheReferenceRunnersFormat() {
        Path model = CONFORMANCE.resolve("onnx-pytorch-converted").resolve("test_Conv2d").resolve("model.onnx");
        assumeTrue(Files.isRegularFile(model), "ONNX conformance data is not here");
        CliRun r = beak("bench", model.toString(), "--reps", "2");
        String out = r.out();
        assertThat(r.code()).as(out).isZero();
        assertThat(out).contains("test_Conv2d/model.onnx", "ms/batch median")
                .containsPattern("\\{\"engine\":\"beak\",\"model\":\"test_Conv2d/model.onnx\",\"batch\":1,\"unit\":\"ms/batch\",\"median\":[0-9.]+,");
    }

    @Test
    void benchTimesAZooNetworkByName() {
        CliRun r = beak("bench", "lenet5", "--reps", "2");
        String out = r.out();
        assertThat(r.code()).as(out).isZero();
        assertThat(out).containsPattern("\\{\"engine\":\"beak\",\"model\":\"lenet5\",\"batch\":1,\"unit\":\"ms/batch\",\"median\":[0-9.]+,");
    }
}
