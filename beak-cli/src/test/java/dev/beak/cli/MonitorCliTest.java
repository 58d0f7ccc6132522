package dev.beak.cli;

import dev.beak.data.EmbeddedMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code beak train --live --run-dir --tensorboard}, and the errors of {@code beak dashboard} and {@code beak serve}. */
class MonitorCliTest {
    @TempDir Path dir;

    @Test
    void trainingLiveWritesTheRunFolderAndTensorBoardLogs() throws IOException {
        Path data = Files.createDirectories(dir.resolve("mnist"));
        CliTest.writeIdx(EmbeddedMnist.train(), 256, data.resolve("train-images-idx3-ubyte"), data.resolve("train-labels-idx1-ubyte"));
        CliTest.writeIdx(EmbeddedMnist.test(), 64, data.resolve("t10k-images-idx3-ubyte"), data.resolve("t10k-labels-idx1-ubyte"));
        Path run = dir.resolve("run"), tb = dir.resolve("tb");
        CliRun train = beak("train", "--model", "mnist", "--data", data.toString(), "--epochs", "1", "--batch-size", "32",
                "--out", dir.resolve("m.beak").toString(), "--live", "--port", "0", "--run-dir", run.toString(), "--tensorboard", tb.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err()).contains("Live training page: http://127.0.0.1:").contains("beak dashboard " + run);
        List<String> events = Files.readAllLines(run.resolve("events.jsonl"));
        assertThat(events.getFirst()).startsWith("{\"type\":\"start\"");
        assertThat(events.getLast()).startsWith("{\"type\":\"end\"");
        try (Stream<Path> files = Files.list(tb)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString().startsWith("events.out.tfevents.");
        }
    }

    @Test
    void dashboardAndServeFailWithOneClearLine() {
        CliRun dashboard = beak("dashboard", dir.toString());
        assertThat(dashboard.code()).isEqualTo(1);
        assertThat(dashboard.err().strip()).startsWith("beak dashboard: ").contains("events.jsonl").doesNotContain("Exception");
        CliRun transfer = beak("train", "--base", "lenet5", "--live");
        assertThat(transfer.code()).isEqualTo(1);
        assertThat(transfer.err()).contains("--live does not go with --base");
        CliRun serve = beak("serve", dir.resolve("none.beak").toString());
        assertThat(serve.code()).isEqualTo(1);
        assertThat(serve.err().strip()).startsWith("beak serve: ").contains("none.beak").doesNotContain("\tat ");
    }
}
