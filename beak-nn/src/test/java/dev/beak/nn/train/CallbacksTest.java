package dev.beak.nn.train;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Sgd;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbacksTest {
    @TempDir
    Path dir;

    private static TensorDataset data() {
        SplittableRandom rng = new SplittableRandom(1);
        Tensor x = Tensor.randn(rng, 32, 4);
        float[] y = new float[32];
        for (int i = 0; i < 32; i++) y[i] = x.data()[i * 4] > 0 ? 1 : 0;
        return new TensorDataset(x, Tensor.of(y, 32));
    }

    private static Model model(double lr) {
        return Sequential.of(Layers.dense(2)).seed(2).withInputShape(4).compile(new Sgd(lr), new CrossEntropy());
    }

    private static EpochLogs logs(int epoch, double valLoss) {
        return new EpochLogs(epoch, Map.of("loss", 1.0, "val_loss", valLoss));
    }

    @Test
    void earlyStoppingEndsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping stop = EarlyStopping.on("loss", 2).withMinDelta(1e-3);
        History h = model(1e-9).fit(data(), FitOptions.epochs(10).batchSize(8).callbacks(stop));
        assertThat(h.epochs()).hasSize(3);
        assertThat(stop.stoppedEpoch()).isEqualTo(3);
        assertThat(stop.bestEpoch()).isEqualTo(1);
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        Model m = model(0.1);
        m.build(new int[] {4});
        EarlyStopping stop = EarlyStopping.on("val_loss", 2).restoringBestWeights();
        float[] w = m.parameters().get("dense.weight").data();
        stop.onFitStart(m);
        stop.onEpochEnd(logs(1, 0.5));
        float[] best = w.clone();
        w[0] += 1;
        stop.onEpochEnd(logs(2, 0.7));
        assertThat(stop.stopRequested()).isFalse();
        w[1] += 1;
        stop.onEpochEnd(logs(3, 0.6));
        assertThat(stop.stopRequested()).isTrue();
        stop.onFitEnd(new History());
        assertThat(w).containsExactly(best);
        assertThatThrownBy(() -> stop.onEpochEnd(new EpochLogs(4, Map.of("loss", 1.0))))
                .hasMessageContaining("\"val_loss\" is not logged").hasMessageContaining("validation data");
    }

    @Test
    void accuracyIsMonitoredUpwards() {
        EarlyStopping stop = EarlyStopping.on("val_accuracy", 1);
        stop.onFitStart(model(0.1));
        stop.onEpochEnd(new EpochLogs(1, Map.of("val_accuracy", 0.5)));
        stop.onEpochEnd(new EpochLogs(2, Map.of("val_accuracy", 0.6)));
        assertThat(stop.stopRequested()).isFalse();
        stop.onEpochEnd(new EpochLogs(3, Map.of("val_accuracy", 0.55)));
        assertThat(stop.stopRequested()).isTrue();
    }

    @Test
    void checkpointBestSavesOnlyOnImprovementAndLastEveryEpoch() {
        List<String> calls = new ArrayList<>();
        Saver saver = (model, file) -> {
            calls.add(file.getFileName().toString());
            Files.writeString(file, model.name());
        };
        Model m = model(0.1);
        ModelCheckpoint best = ModelCheckpoint.best(dir.resolve("best-{epoch}.beak"), "val_loss", saver);
        best.onFitStart(m);
        for (double[] e : new double[][] {{1, 0.9}, {2, 0.7}, {3, 0.8}, {4, 0.6}}) best.onEpochEnd(logs((int) e[0], e[1]));
        assertThat(calls).containsExactly("best-001.beak", "best-002.beak", "best-004.beak");
        assertThat(best.savedFiles()).hasSize(3).allMatch(Files::exists);
        calls.clear();
        History h = m.fit(data(), FitOptions.epochs(2).batchSize(8).callbacks(ModelCheckpoint.last(dir.resolve("last.beak"), saver)));
        assertThat(h.epochs()).hasSize(2);
        assertThat(calls).containsExactly("last.beak", "last.beak");
    }

    @Test
    void earlyStoppingAndBestCheckpointReplayAResumedHistory() {
        History earlier = new History();
        earlier.add(logs(1, 0.5));
        earlier.add(logs(2, 0.7));
        EarlyStopping stop = EarlyStopping.on("val_loss", 2);
        stop.onFitStart(model(0.1));
        stop.onResume(earlier);
        assertThat(stop.bestEpoch()).isEqualTo(1);
        assertThat(stop.stopRequested()).isFalse();
        stop.onEpochEnd(logs(3, 0.8));
        assertThat(stop.stopRequested()).isTrue(); // epochs 2 and 3 without improvement, counted across the resume
        assertThat(stop.stoppedEpoch()).isEqualTo(3);

        List<String> calls = new ArrayList<>();
        ModelCheckpoint best = ModelCheckpoint.best(dir.resolve("best-{epoch}.beak"), "val_loss", (model, file) -> calls.add(file.getFileName().toString()));
        best.onFitStart(model(0.1));
        best.onResume(earlier);
        best.onEpochEnd(logs(3, 0.6));
        best.onEpochEnd(logs(4, 0.4));
        assertThat(calls).containsExactly("best-004.beak");
    }

    @Test
    void checkpointFailureNamesTheFile() {
        ModelCheckpoint c = ModelCheckpoint.last(dir.resolve("x.beak"), (model, file) -> {
            throw new IOException("disk full");
        });
        c.onFitStart(model(0.1));
        assertThatThrownBy(() -> c.onEpochEnd(logs(1, 0.5))).isInstanceOf(TrainingException.class)
                .hasMessageContaining("epoch 1").hasMessageContaining("x.beak").hasMessageContaining("disk full");
    }

    @Test
    void csvLoggerWritesEveryEpochAndAppendsOnResume() throws IOException {
        Path csv = dir.resolve("logs/history.csv");
        Model m = model(0.1);
        History first = m.fit(data(), FitOptions.epochs(2).batchSize(8).callbacks(CsvLogger.to(csv)));
        assertThat(Files.readString(csv)).isEqualTo(first.toCsv());
        History second = m.fit(data(), FitOptions.epochs(1).batchSize(8).callbacks(CsvLogger.to(csv).appending()));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).isEqualTo(second.toCsv().split("\n")[1]);
        assertThat(Files.list(csv.getParent())).hasSize(1);
        Files.writeString(csv, "epoch,other\n1,2\n");
        assertThatThrownBy(() -> m.fit(data(), FitOptions.epochs(1).batchSize(8).callbacks(CsvLogger.to(csv).appending())))
                .hasMessageContaining("cannot append to").hasMessageContaining("epoch,other");
    }

    @Test
    void severalCallbacksRunInOrderAndAnyCanStop() {
        List<String> seen = new ArrayList<>();
        TrainingListener a = new TrainingListener() {
            @Override public void onEpochEnd(EpochLogs logs) { seen.add("a" + logs.epoch()); }
        };
        TrainingListener b = new TrainingListener() {
            @Override public void onEpochEnd(EpochLogs logs) { seen.add("b" + logs.epoch()); }
            @Override public boolean stopRequested() { return seen.size() >= 4; }
        };
        model(0.1).fit(data(), FitOptions.epochs(5).batchSize(8).callbacks(a, b));
        assertThat(seen).containsExactly("a1", "b1", "a2", "b2");
    }
}
