package dev.beak.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Choosing the figures {@code beak bench} times: by mode and batch, without repeats; workload names in any case. */
class WorkloadTest {
    @Test
    void runsAreFilteredByModeAndTakeTheGivenBatchOnce() {
        assertThat(Workload.W1.runs(null, null)).isEqualTo(Workload.W1.runs());
        assertThat(Workload.W1.runs(Workload.Mode.INFER, null)).containsExactly(new Workload.Run(Workload.Mode.INFER, 64, 100, 60));
        assertThat(Workload.W3.runs(null, null)).hasSize(2);
        assertThat(Workload.W3.runs(null, 4)).containsExactly(new Workload.Run(Workload.Mode.INFER, 4, 10, 4));
        assertThat(Workload.W4.runs(Workload.Mode.INFER, null)).isEmpty();
        assertThat(Workload.W2.runs(Workload.Mode.TRAIN, 16)).containsExactly(new Workload.Run(Workload.Mode.TRAIN, 16, 100, 60));
    }

    @Test
    void namesParseInAnyCase() {
        assertThat(Workload.parse("w2")).contains(Workload.W2);
        assertThat(Workload.parse("W4")).contains(Workload.W4);
        assertThat(Workload.parse("resnet18")).isEmpty();
    }
}
