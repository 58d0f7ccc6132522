package dev.beak.io;

import dev.beak.dataset.Batches;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CategoricalHinge;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.TrainingListener;
import dev.beak.nn.train.TrainingState;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library's training run (what beak train and beak demo print): fit, evaluate, model file, history, checkpoints. */
class TrainingSessionTest {
    @TempDir Path dir;

    private static final TensorDataset TRAIN = CheckpointFileTest.TRAIN, TEST = CheckpointFileTest.TEST;

    private static Model net() {
        return Sequential.of(Layers.flatten(), Layers.dense(16, Activation.RELU), Layers.dense(10)).seed(5).withInputShape(1, 28, 28);
    }

    private static TrainingSession.Data data() {
        return new TrainingSession.Data(Batches.shuffled(TRAIN, 16, 1, 0), TRAIN.size(), TEST);
    }

    @Test
    void aRunSavesTheModelWithItsTestAccuracyAndTheHistoryBesideIt() throws Exception {
        Path out = dir.resolve("m.beak");
        List<Integer> epochs = new ArrayList<>();
        TrainingListener watch = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochLogs logs) {
                epochs.add(logs.epoch());
            }
        };
        SavedModel begin = new SavedModel(net(), Map.of("validation_split", "0.2"), null, List.of("a", "b"), null, null);
        TrainingSession session = TrainingSession.prepare(begin, data(), TrainingSession.Plan.of(new Adam(3e-3), 2, 16, 1, out),
                TrainingSession.Checkpoints.NONE);
        TrainingSession.Result r = session.run(watch);

        assertThat(epochs).containsExactly(1, 2);
        assertThat(r.epochs()).isEqualTo(2);
        assertThat(r.testSamples()).isEqualTo(TEST.size());
        assertThat(r.testAccuracy()).isEqualTo(session.model().evaluate(TEST, 64).accuracy());
        assertThat(r.history()).isEqualTo(dir.resolve("m.history.csv")).isEqualTo(TrainingSession.historyPath(out));
        assertThat(Files.readAllLines(r.history())).hasSize(3); // header and two epochs
        SavedModel saved = ModelFile.load(out);
        assertThat(saved.metadata()).containsEntry("validation_split", "0.2").containsEntry("epochs", "2")
                .containsEntry("test_accuracy", Double.toString(r.testAccuracy()));
        assertThat(saved.classNames()).containsExactly("a", "b");
        assertThat(r.figures()).containsEntry("epochs", 2).containsEntry("model", out.toString()).doesNotContainKey("checkpoints");
    }

    @Test
    void checkpointsAreWrittenEveryEpochWithTheSettingsAndTheLossChosenIsCompiled() throws Exception {
        Path out = dir.resolve("m.beak"), ckpt = dir.resolve("ckpt");
        TrainingSession.Plan plan = TrainingSession.Plan.of(new Adam(3e-3), 3, 16, 1, out).withLoss(new CategoricalHinge());
        TrainingSession session = TrainingSession.prepare(new SavedModel(net(), Map.of()), data(), plan,
                new TrainingSession.Checkpoints(ckpt, 2, Map.of("note", "kept"), null));
        assertThat(session.model().compileConfig().orElseThrow().loss()).isInstanceOf(CategoricalHinge.class);
        TrainingSession.Result r = session.run();
        try (var files = Files.list(ckpt)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("ckpt-002.beak", "ckpt-003.beak");
        }
        Checkpoint last = CheckpointFile.load(ckpt.resolve("ckpt-003.beak"));
        assertThat(last.settings()).containsEntry("note", "kept");
        TrainingState state = last.state();
        assertThat(state.epochsDone()).isEqualTo(3);
        assertThat(r.figures()).containsEntry("checkpoints", ckpt.toString());
    }

    @Test
    void dataThatDoesNotFitTheModelIsRefusedBeforeTraining() {
        Model small = Sequential.of(Layers.flatten(), Layers.dense(4)).seed(1).withInputShape(1, 28, 28);
        assertThatThrownBy(() -> TrainingSession.prepare(new SavedModel(small, Map.of()), data(),
                TrainingSession.Plan.of(new Adam(1e-3), 1, 16, 1, dir.resolve("x.beak")), TrainingSession.Checkpoints.NONE))
                .hasMessageContaining("the data has 10 classes but model").hasMessageContaining("has 4 outputs");
        Model wide = Sequential.of(Layers.flatten(), Layers.dense(10)).seed(1).withInputShape(3, 28, 28);
        assertThatThrownBy(() -> TrainingSession.prepare(new SavedModel(wide, Map.of()), data(),
                TrainingSession.Plan.of(new Adam(1e-3), 1, 16, 1, dir.resolve("x.beak")), TrainingSession.Checkpoints.NONE))
                .hasMessageContaining("the training images are (1, 28, 28) but model").hasMessageContaining("takes (3, 28, 28)");
        assertThat(dir.resolve("x.beak")).doesNotExist();
    }
}
