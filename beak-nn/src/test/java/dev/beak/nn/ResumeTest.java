package dev.beak.nn;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.LearningRateSchedule;
import dev.beak.nn.train.CsvLogger;
import dev.beak.nn.train.EarlyStopping;
import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.nn.train.ModelCheckpoint;
import dev.beak.nn.train.TrainingState;
import dev.beak.nn.train.TrainingListener;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fitting 3 epochs straight equals fitting 1, keeping the state, and resuming a fresh model to 3: bit for bit. */
class ResumeTest {
    @TempDir Path dir;

    static final TensorDataset TRAIN = TrainingTest.quadrants(96, 1), VALIDATION = TrainingTest.quadrants(32, 2);

    /** Conv, batch norm, dropout: weights, running statistics and masks all have to line up. */
    static Model net() {
        return Sequential.of(Layers.conv2d(4, 3).withPadding(Padding.SAME), Layers.batchNorm2d(), Layers.relu(),
                Layers.maxPool2d(2), Layers.flatten(), Layers.dropout(0.3f), Layers.dense(8, Activation.RELU),
                Layers.dropout(0.2f), Layers.dense(4)).seed(7).withInputShape(1, 8, 8)
                .compile(new Adam(1e-2).schedule(LearningRateSchedule.exponential(0.7)), new CrossEntropy());
    }

    static FitOptions options(int epochs) {
        return FitOptions.epochs(epochs).batchSize(16).validation(VALIDATION).seed(5);
    }

    /** Keeps a copy of the state after each epoch. */
    static final class Keeper implements TrainingListener {
        final List<TrainingState> states = new ArrayList<>();

        @Override
        public void onCheckpoint(Supplier<TrainingState> state) {
            states.add(state.get().copy());
        }
    }

    static Map<String, Double> withoutTiming(EpochLogs logs) {
        Map<String, Double> m = new LinkedHashMap<>(logs.values());
        m.remove("seconds");
        m.remove("images_per_s");
        return m;
    }

    @Test
    void resumedFitEqualsTheStraightOneBitForBit() {
        Model straight = net();
        History full = straight.fit(TRAIN, options(3));

        Model first = net();
        Keeper keeper = new Keeper();
        first.fit(TRAIN, options(1).callbacks(keeper));
        TrainingState state = keeper.states.getFirst();
        assertThat(state.epochsDone()).isEqualTo(1);
        assertThat(state.randomStreams()).containsOnlyKeys("dropout.masks", "dropout_1.masks");
        assertThat(state.randomStreams().get("dropout.masks").draws()).isEqualTo(6); // 96 / 16 batches

        Model fresh = net(); // same seed, other initial weights would also do: they are overwritten
        fresh.state().forEach((name, t) -> System.arraycopy(first.state().get(name).data(), 0, t.data(), 0, t.size()));
        History resumed = fresh.fit(TRAIN, options(3).resumeFrom(state));

        straight.state().forEach((name, t) -> assertThat(fresh.state().get(name).data()).as(name).containsExactly(t.data()));
        assertThat(resumed.epochs()).hasSize(3);
        for (int e = 0; e < 3; e++) {
            assertThat(resumed.epochs().get(e).epoch()).isEqualTo(e + 1);
            assertThat(withoutTiming(resumed.epochs().get(e))).isEqualTo(withoutTiming(full.epochs().get(e)));
        }
    }

    @Test
    void withoutTheStateTheRunDiffers() {
        Model straight = net();
        straight.fit(TRAIN, options(2));
        Model restarted = net();
        restarted.fit(TRAIN, options(1));
        restarted.fit(TRAIN, options(1)); // fresh optimizer, masks and schedule: not a resume
        assertThat(restarted.state().get("dense.weight").data()).isNotEqualTo(straight.state().get("dense.weight").data());
    }

    @Test
    void listenersPickUpTheResumedHistory() throws IOException {
        Path csv = dir.resolve("history.csv");
        Model first = net();
        Keeper keeper = new Keeper();
        first.fit(TRAIN, options(2).callbacks(keeper, CsvLogger.to(csv)));
        Files.writeString(csv, Files.readString(csv) + "3,9,9,9,9,9,9,9\n"); // a row the interrupted run wrote after its checkpoint
        TrainingState afterOne = keeper.states.getFirst();

        List<Integer> epochsSeen = new ArrayList<>();
        TrainingListener spy = new TrainingListener() {
            @Override public void onEpochEnd(EpochLogs logs) { epochsSeen.add(logs.epoch()); }
        };
        EarlyStopping stop = EarlyStopping.on("val_loss", 5);
        Model fresh = net();
        History h = fresh.fit(TRAIN, options(2).resumeFrom(afterOne).callbacks(CsvLogger.to(csv), stop, spy));
        assertThat(epochsSeen).containsExactly(2);
        assertThat(stop.bestEpoch()).isGreaterThanOrEqualTo(1);
        assertThat(Files.readString(csv)).isEqualTo(h.toCsv());
        assertThat(Files.readAllLines(csv)).hasSize(3);
    }

    @Test
    void fullCheckpointsKeepTheNewestAndCleanTemporaryFiles() throws IOException {
        Files.writeString(dir.resolve(".ckpt-007.beak.1a2b.tmp"), "left by a killed run");
        Files.writeString(dir.resolve("ckpt-000.beak"), "an older run's");
        Files.writeString(dir.resolve("notes.txt"), "not ours");
        List<Integer> written = new ArrayList<>();
        ModelCheckpoint c = ModelCheckpoint.full(dir.resolve("ckpt-{epoch}.beak"), (model, state, file) -> {
            written.add(state.epochsDone());
            Files.writeString(file, "epoch " + state.epochsDone());
        }).keeping(2);
        net().fit(TRAIN, options(3).callbacks(c));
        assertThat(written).containsExactly(1, 2, 3);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("ckpt-002.beak", "ckpt-003.beak", "notes.txt");
        }
    }

    @Test
    void aStateFromAnotherModelIsRefused() {
        Model first = net();
        Keeper keeper = new Keeper();
        first.fit(TRAIN, options(1).callbacks(keeper));
        Model other = Sequential.of(Layers.flatten(), Layers.dense(4)).seed(7).withInputShape(1, 8, 8)
                .compile(new Adam(1e-2), new CrossEntropy());
        assertThatThrownBy(() -> other.fit(TRAIN, options(2).resumeFrom(keeper.states.getFirst())))
                .hasMessageContaining("cannot resume model").hasMessageContaining("dense.weight.m has 512 values but parameter dense.weight has 256");
        assertThatThrownBy(() -> options(2).resumeFrom(keeper.states.getFirst()).seed(6))
                .hasMessageContaining("trained with seed 5, not 6");
    }

    @Test
    void aFinishedStateTrainsNoFurther() {
        Model first = net();
        Keeper keeper = new Keeper();
        first.fit(TRAIN, options(2).callbacks(keeper));
        Tensor w = first.state().get("dense.weight");
        float[] before = w.data().clone();
        History h = first.fit(TRAIN, options(2).resumeFrom(keeper.states.get(1)));
        assertThat(h.epochs()).hasSize(2);
        assertThat(w.data()).containsExactly(before);
    }
}
