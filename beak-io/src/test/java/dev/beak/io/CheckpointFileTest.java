package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.data.EmbeddedMnist;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.LearningRateSchedule;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.nn.train.ModelCheckpoint;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checkpoint files: 3 epochs straight equal 1 epoch, a checkpoint file, a fresh model loaded from it
 * and 2 more epochs, bit for bit (weights, batch-norm statistics, figures but for timing).
 */
class CheckpointFileTest {
    @TempDir Path dir;

    static TensorDataset slice(TensorDataset d, int n) {
        int per = d.x().size() / d.size();
        int[] shape = d.x().shape();
        shape[0] = n;
        return new TensorDataset(Tensor.of(Arrays.copyOf(d.x().data(), n * per), shape), Tensor.of(Arrays.copyOf(d.y().data(), n), n));
    }

    static final TensorDataset TRAIN = slice(EmbeddedMnist.train(), 160), TEST = slice(EmbeddedMnist.test(), 64);

    static Optimizer adam() {
        return new Adam(3e-3).schedule(LearningRateSchedule.exponential(0.8));
    }

    static Model net() {
        return Sequential.of(Layers.conv2d(4, 3).withPadding(Padding.SAME), Layers.batchNorm2d(), Layers.relu(), Layers.maxPool2d(2),
                Layers.flatten(), Layers.dropout(0.25f), Layers.dense(16, Activation.RELU), Layers.dense(10))
                .seed(11).withInputShape(1, 28, 28).compile(adam(), new CrossEntropy());
    }

    static FitOptions options(int epochs) {
        return FitOptions.epochs(epochs).batchSize(16).validation(TEST).seed(3);
    }

    static Map<String, Double> withoutTiming(EpochLogs logs) {
        Map<String, Double> m = new LinkedHashMap<>(logs.values());
        m.remove("seconds");
        m.remove("images_per_s");
        return m;
    }

    @Test
    void resumingFromAFileEqualsTheStraightRun() throws IOException {
        Model straight = net();
        History full = straight.fit(TRAIN, options(3));

        ModelCheckpoint ckpt = ModelCheckpoint.full(dir.resolve("ckpt-{epoch}.beak"), CheckpointFile::save);
        net().fit(TRAIN, options(1).callbacks(ckpt));
        Path file = CheckpointFile.latest(dir).orElseThrow();
        assertThat(file).isEqualTo(dir.resolve("ckpt-001.beak"));

        Checkpoint c = CheckpointFile.load(file);
        Model fresh = c.saved().model().compile(adam(), new CrossEntropy());
        History resumed = fresh.fit(TRAIN, options(3).resumeFrom(c.state()));

        straight.state().forEach((name, t) -> assertThat(fresh.state().get(name).data()).as(name).containsExactly(t.data()));
        assertThat(resumed.epochs()).hasSize(3);
        for (int e = 0; e < 3; e++) assertThat(withoutTiming(resumed.epochs().get(e))).isEqualTo(withoutTiming(full.epochs().get(e)));
        // The very figures, timing included, of the epoch before the checkpoint come back from the file.
        assertThat(c.state().history().getFirst().values()).isEqualTo(resumed.epochs().getFirst().values());
    }

    @Test
    void aCheckpointIsAlsoAModelFileAndKeepsItsSettings() throws IOException {
        Model m = net();
        ModelCheckpoint ckpt = ModelCheckpoint.full(dir.resolve("run-{epoch}.beak"),
                CheckpointFile.writer(model -> new SavedModel(model, Map.of("note", "hi")), Map.of("args", java.util.List.of("--epochs", "2"))));
        m.fit(TRAIN, options(2).callbacks(ckpt));
        Path last = CheckpointFile.latest(dir).orElseThrow();
        assertThat(last.getFileName().toString()).isEqualTo("run-002.beak");
        SavedModel asModel = ModelFile.load(last);
        assertThat(asModel.metadata()).containsEntry("note", "hi");
        Tensor x = slice(TEST, 4).x();
        assertThat(asModel.model().forward(x, false).data()).containsExactly(m.forward(x, false).data());
        Checkpoint c = CheckpointFile.load(last);
        assertThat(c.settings()).containsEntry("args", java.util.List.of("--epochs", "2"));
        assertThat(c.state().epochsDone()).isEqualTo(2);
        assertThat(c.state().optimizer().steps()).containsEntry("conv2d.weight", 20);
        assertThat(c.state().randomStreams().get("dropout.masks").draws()).isEqualTo(20);
    }

    @Test
    void problemsNameTheFile() throws IOException {
        Path plain = dir.resolve("model.beak");
        ModelFile.save(net().build(new int[] {1, 28, 28}), plain);
        assertThatThrownBy(() -> CheckpointFile.load(plain)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("model.beak").hasMessageContaining("no training.json");
        assertThat(CheckpointFile.latest(dir)).isEmpty();
        Path notDir = dir.resolve("model.beak");
        assertThatThrownBy(() -> CheckpointFile.latest(notDir)).hasMessageContaining("model.beak: is not a folder of checkpoints");
        Files.writeString(dir.resolve("junk.beak"), "not a zip");
        assertThatThrownBy(() -> CheckpointFile.latest(dir)).hasMessageContaining("junk.beak");
    }
}
