package dev.beak.cli;

import dev.beak.data.EmbeddedMnist;
import dev.beak.io.ModelFile;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code beak train --checkpoint-dir} and {@code --resume}: a run killed with SIGKILL during epoch 2
 * and resumed ends with the weights and figures of an uninterrupted run, bit for bit (with dropout,
 * augmentation and a decaying learning rate); and the output
 * paths are checked before any training.
 */
class ResumeCliTest {
    @TempDir Path dir;
    Path data;

    @BeforeEach
    void smallMnist() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        CliTest.writeIdx(EmbeddedMnist.train(), 384, data.resolve("train-images-idx3-ubyte"), data.resolve("train-labels-idx1-ubyte"));
        CliTest.writeIdx(EmbeddedMnist.test(), 96, data.resolve("t10k-images-idx3-ubyte"), data.resolve("t10k-labels-idx1-ubyte"));
    }

    /** {@code beak train ...} in a child JVM (as the beak script starts it), output to {@code log}. */
    private Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private String finish(Process p, Path log) throws Exception {
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("beak train finished").isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private List<String> trainArgs(Path run) {
        return List.of("--data", data.toString(), "--epochs", "3", "--batch-size", "32", "--threads", "2", "--seed", "5",
                "--augment", "shift=0.1,rotate=10",
                "--out", run.resolve("mnist.beak").toString(), "--json");
    }

    @Test
    void killedDuringEpochTwoAndResumedEqualsTheStraightRun() throws Exception {
        Path straight = dir.resolve("straight"), resumed = dir.resolve("resumed"), ckpt = resumed.resolve("ckpt");
        String straightOut = finish(start(dir.resolve("straight.log"), trainArgs(straight).toArray(String[]::new)), dir.resolve("straight.log"));

        List<String> args = new ArrayList<>(trainArgs(resumed));
        args.addAll(List.of("--checkpoint-dir", ckpt.toString()));
        Process victim = start(dir.resolve("killed.log"), args.toArray(String[]::new));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(ckpt.resolve("ckpt-001.beak")) && victim.isAlive() && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(victim.isAlive()).as(Files.readString(dir.resolve("killed.log"))).isTrue();
        victim.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
        victim.waitFor();
        assertThat(Files.exists(ckpt.resolve("ckpt-002.beak"))).as("killed after epoch 2 had ended: too little data for this machine").isFalse();
        assertThat(Files.readString(dir.resolve("killed.log"))).contains("Epoch 1/3").doesNotContain("Epoch 2/3");
        assertThat(Files.readAllLines(resumed.resolve("mnist.history.csv"))).hasSize(2); // written after epoch 1

        Path log = dir.resolve("resumed.log");
        String resumedOut = finish(start(log, "--resume", ckpt.toString(), "--json"), log);
        assertThat(resumedOut).contains("Resuming from " + ckpt.resolve("ckpt-001.beak") + ": 1 of 3 epochs done")
                .doesNotContain("Epoch 1/3").contains("Epoch 2/3", "Epoch 3/3");

        Map<String, Tensor> a = ModelFile.load(straight.resolve("mnist.beak")).model().state();
        Map<String, Tensor> b = ModelFile.load(resumed.resolve("mnist.beak")).model().state();
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((name, t) -> assertThat(bits(b.get(name))).as(name).isEqualTo(bits(t)));
        assertThat(withoutTiming(resumed.resolve("mnist.history.csv"))).isEqualTo(withoutTiming(straight.resolve("mnist.history.csv")))
                .hasSize(4);
        assertThat(figure(resumedOut, "test_accuracy")).isEqualTo(figure(straightOut, "test_accuracy"));
        assertThat(figure(resumedOut, "test_loss")).isEqualTo(figure(straightOut, "test_loss"));
        try (var files = Files.list(ckpt)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("ckpt-002.beak", "ckpt-003.beak"); // --keep 2
        }
    }

    private static int[] bits(Tensor t) {
        float[] d = t.data();
        int[] r = new int[d.length];
        for (int i = 0; i < d.length; i++) r[i] = Float.floatToRawIntBits(d[i]);
        return r;
    }

    /** The CSV's rows without the seconds and images_per_s columns. */
    private static List<String> withoutTiming(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Arrays.asList(lines.getFirst().split(","));
        int seconds = header.indexOf("seconds"), rate = header.indexOf("images_per_s");
        assertThat(seconds).isPositive();
        List<String> rows = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.remove(Math.max(seconds, rate));
            cells.remove(Math.min(seconds, rate));
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    /** A figure of the --json line, as printed. */
    private static String figure(String out, String key) {
        String json = out.lines().filter(l -> l.startsWith("{")).reduce((x, y) -> y).orElseThrow();
        int at = json.indexOf("\"" + key + "\":");
        assertThat(at).as(json).isNotNegative();
        return json.substring(at).split("[,}]")[0];
    }

    @Test
    void aFolderAsOutIsRefusedBeforeTraining() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("runs"));
        CliRun r = CliRun.beak("train", "--data", data.toString(), "--epochs", "1", "--out", folder.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("beak train: --out " + folder + " is a folder; give a file name such as " + folder.resolve("model.beak"));
        assertThat(r.out()).doesNotContain("Epoch").doesNotContain("Data:");
    }

    @Test
    void outUnderAFileAndACheckpointDirThatIsAFileAreRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        CliRun r = CliRun.beak("train", "--data", data.toString(), "--out", file.resolve("sub/m.beak").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--out " + file.resolve("sub/m.beak")).contains(file + " is a file, so no folder can be made under it");
        r = CliRun.beak("train", "--data", data.toString(), "--out", dir.resolve("m.beak").toString(), "--checkpoint-dir", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("beak train: --checkpoint-dir " + file + " is a file, not a folder");
        assertThat(r.out()).doesNotContain("Epoch");
    }

    @Test
    void resumeTakesOnlyEpochsAndNeedsACheckpoint() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun r = CliRun.beak("train", "--resume", empty.toString(), "--lr", "0.1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("only --epochs and --json may come with it, not --lr");
        r = CliRun.beak("train", "--resume", empty.toString());
        assertThat(r.err()).contains("--resume " + empty + ": the folder holds no checkpoint");
        r = CliRun.beak("train", "--resume", dir.resolve("nowhere").toString());
        assertThat(r.err()).contains("no such folder or checkpoint file");
    }

    @Test
    void resumeRaisesTheEpochsAndKeepsTheSettings() throws IOException {
        Path ckpt = dir.resolve("ckpt"), out = dir.resolve("m.beak");
        CliRun r = CliRun.beak("train", "--data", data.toString(), "--epochs", "1", "--batch-size", "64", "--lr", "0.002",
                "--out", out.toString(), "--checkpoint-dir", ckpt.toString());
        assertThat(r.code()).as(r.err()).isZero();
        r = CliRun.beak("train", "--resume", ckpt.toString(), "--epochs", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 of 2 epochs done").contains("Adam lr 0.002").contains("batch 64, 2 epochs").contains("Epoch 2/2");
        assertThat(Files.readAllLines(TrainingRun.historyPath(out))).hasSize(3);
    }
}
