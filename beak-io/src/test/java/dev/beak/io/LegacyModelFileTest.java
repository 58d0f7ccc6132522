package dev.beak.io;

import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Initializers;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Format-version-1 files, written by Beak before generic layer configurations (the two files in
 * test resources were saved by that version from the models built here), still load: every layer
 * is the same spec, the weights and running statistics come back, and saving again gives version 2
 * with the same outputs.
 */
class LegacyModelFileTest {
    @TempDir Path dir;

    @Test
    void aVersion1GraphLoadsAsTheSameLayersAndResavesAsVersion2() throws IOException, URISyntaxException {
        SymbolicTensor x = Functional.input(3, 12, 12);
        SymbolicTensor h = x.then(Layers.conv2d(6, 3).withPadding(Padding.SAME).withKernelInitializer(Initializers.heNormal())
                .withBiasInitializer(Initializers.constant(0.1))).then(Layers.batchNorm2d().withMomentum(0.01f)).then(Layers.relu());
        SymbolicTensor g = h.then(Layers.conv2d(6, 3).withPadding(new Padding.Explicit(1, 1, 0, 2)).withBias(false).withGroups(3))
                .then(Layers.avgPool2d(1));
        SymbolicTensor j = Functional.concat(h, h.then(Layers.maxPool2d(3).withStride(1).withPadding(Padding.SAME)));
        SymbolicTensor k = j.then(Layers.convTranspose2d(6, 2).withStride(2)).then(Layers.maxPool2d(2)).then(Layers.prelu()).then(Layers.leakyRelu(0.2f));
        SymbolicTensor y = Functional.add(k, g).then(Layers.groupNorm(3)).then(Layers.lpPool2d(2f, 2)).then(Layers.globalAvgPool())
                .then(Layers.dropout(0.3f)).then(Layers.dense(5, Activation.TANH)).then(Layers.batchNorm1d()).then(Layers.softmax());
        Model expected = Functional.model("legacy", List.of(x), List.of(y), 7);
        checkLoads("legacy-v1-graph.beak", expected, Tensor.randn(new SplittableRandom(3), 2, 3, 12, 12));
    }

    @Test
    void aVersion1SequenceModelLoads() throws IOException, URISyntaxException {
        Model expected = Sequential.of(Layers.conv1d(4, 3).withPadding(Padding.SAME), Layers.instanceNorm(), Layers.elu(0.5f),
                Layers.maxPool1d(2).withCeilMode(true), Layers.convTranspose1d(4, 3).withStride(2).withOutputPadding(1), Layers.avgPool1d(2).withStride(1),
                Layers.lpPool1d(3f, 2), Layers.hardSigmoid(), Layers.maxout(2), Layers.localResponseNorm(3, 1e-3f, 0.75f, 1f),
                Layers.globalMaxPool().withKeepDims(true), Layers.flatten(), Layers.layerNorm(), Layers.dense(3, Activation.HARD_SWISH)).withInputShape(2, 16);
        checkLoads("legacy-v1-sequence.beak", expected, Tensor.randn(new SplittableRandom(4), 3, 2, 16));
    }

    private void checkLoads(String resource, Model expected, Tensor x) throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("legacy/" + resource).toURI());
        Model v1 = ModelFile.load(file).model();
        assertThat(v1.nodes()).hasSameSizeAs(expected.nodes());
        for (int i = 0; i < v1.nodes().size(); i++) {
            assertThat(v1.nodes().get(i).name()).isEqualTo(expected.nodes().get(i).name());
            assertThat(v1.nodes().get(i).spec()).isEqualTo(expected.nodes().get(i).spec());
            assertThat(v1.nodes().get(i).inputs()).containsExactly(expected.nodes().get(i).inputs());
        }
        // The stored weights, not fresh ones: the file's differ from a new model's (the graph's batch norm ran in training).
        boolean differs = false;
        for (var e : v1.state().entrySet()) differs |= !java.util.Arrays.equals(e.getValue().data(), expected.state().get(e.getKey()).data());
        assertThat(differs || resource.contains("sequence")).isTrue();
        Path v2 = dir.resolve("v2.beak");
        ModelFile.save(v1, v2);
        Model again = ModelFile.load(v2).model();
        assertThat(again.forward(x, false).data()).containsExactly(v1.forward(x, false).data());
    }
}
