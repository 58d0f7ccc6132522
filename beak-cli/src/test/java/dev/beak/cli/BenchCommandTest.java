package dev.beak.cli;

import org.junit.jupiter.api.Test;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code beak bench} names each target it cannot time on one line and goes on: 2 for one it does not take, 1 for one that fails. */
class BenchCommandTest {
    @Test
    void targetsThatCannotBeTimedAreNamedAndTheOthersStillRun() {
        CliRun r = beak("bench", "W9", "W4", "--mode", "infer", "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("W9: not a workload (W1, W2, W3, W4), a zoo network (beak zoo), a .beak nor an .onnx file")
                .contains("W4: has no infer figure").doesNotContain("\tat ");
        assertThat(r.out().strip()).startsWith("{\"java\":").endsWith("\"results\":[]}");

        CliRun missing = beak("bench", "gone.onnx", "lenet5", "--reps", "1");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).contains("gone.onnx: no such file: gone.onnx").contains("\"model\":\"lenet5\"");
    }
}
