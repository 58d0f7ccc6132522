package dev.beak.io;

import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.ModelCheckpoint;
import dev.beak.nn.zoo.GoogLeNet;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Functional models with residual adds and Inception concatenations survive a model file, and checkpoints write one. */
class GraphModelFileTest {
    @TempDir Path dir;

    private static Model inceptionWithResidual() {
        SymbolicTensor in = Functional.input(3, 6, 6);
        SymbolicTensor stem = in.then(Layers.conv2d(6, 3).withPadding(Padding.SAME).withActivation(Activation.RELU));
        SymbolicTensor block = GoogLeNet.inception("mixed", stem, 2, 2, 2, 1, 1, 1);
        SymbolicTensor out = Functional.add(stem, block).then(Layers.flatten()).then(Layers.dense(3));
        return Functional.model("mixed_net", List.of(in), List.of(out), 9);
    }

    @Test
    void roundTripKeepsTheWiringAndTheOutputs() throws IOException {
        Model m = inceptionWithResidual();
        Path file = dir.resolve("mixed.beak");
        ModelFile.save(m, file);
        Model back = ModelFile.load(file).model();
        assertThat(back.nodes()).hasSameSizeAs(m.nodes());
        for (int i = 0; i < m.nodes().size(); i++) {
            assertThat(back.nodes().get(i).name()).isEqualTo(m.nodes().get(i).name());
            assertThat(back.nodes().get(i).spec()).isEqualTo(m.nodes().get(i).spec());
            assertThat(back.nodes().get(i).inputs()).containsExactly(m.nodes().get(i).inputs());
        }
        Tensor x = Tensor.randn(new SplittableRandom(3), 2, 3, 6, 6);
        assertThat(back.forward(x, false).data()).containsExactly(m.forward(x, false).data());
    }

    @Test
    void checkpointSavesThroughModelFile() throws IOException {
        Model m = inceptionWithResidual().compile(new Adam(1e-3), new CrossEntropy());
        ModelCheckpoint c = ModelCheckpoint.best(dir.resolve("ckpt-{epoch}.beak"), "val_loss", ModelFile::save);
        c.onFitStart(m);
        c.onEpochEnd(new EpochLogs(1, Map.of("val_loss", 0.5)));
        assertThat(c.savedFiles()).containsExactly(dir.resolve("ckpt-001.beak"));
        assertThat(ModelFile.load(dir.resolve("ckpt-001.beak")).model().parameterCount()).isEqualTo(m.parameterCount());
    }
}
