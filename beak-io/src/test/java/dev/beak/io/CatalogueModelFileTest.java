package dev.beak.io;

import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Initializers;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Every catalogue layer's configuration survives the model file (through JSON), and the loaded model computes the same. */
class CatalogueModelFileTest {
    @TempDir Path dir;

    @Test
    void catalogueLayersRoundTrip() throws IOException {
        Model m = Sequential.of(Layers.conv2d(8, 3).withKernelInitializer(Initializers.normal(0.01)).withBiasInitializer(Initializers.constant(1)),
                Layers.batchNorm2d().withMomentum(0.01f), Layers.prelu(), Layers.localResponseNorm(5, 5e-4f, 0.75f, 2f),
                Layers.depthwiseConv2d(8, 3).withPadding(Padding.SAME), Layers.maxPool2d(3).withStride(2).withCeilMode(true),
                Layers.avgPool2d(2).withCountIncludePad(false), Layers.convTranspose2d(4, 3).withStride(2).withPadding(1).withOutputPadding(1),
                Layers.groupNorm(2), Layers.instanceNorm(), Layers.lpPool2d(2f, 2), Layers.leakyRelu(0.1f), Layers.elu(0.5f),
                Layers.hardSigmoid(), Layers.activation(Activation.SELU), Layers.maxout(2), Layers.globalAvgPool().withKeepDims(true),
                Layers.layerNorm(), Layers.flatten(), Layers.dense(4, Activation.LOG_SOFTMAX).withKernelInitializer(Initializers.heUniform()))
                .withInputShape(3, 17, 17);
        Path f = dir.resolve("catalogue.beak");
        ModelFile.save(m, f);
        Model back = ModelFile.load(f).model();
        for (int i = 0; i < m.nodes().size(); i++) assertThat(back.nodes().get(i).spec()).isEqualTo(m.nodes().get(i).spec());
        Tensor x = Tensor.randn(new SplittableRandom(1), 2, 3, 17, 17);
        assertThat(back.forward(x, false).data()).containsExactly(m.forward(x, false).data());
    }

    @Test
    void sequenceLayersRoundTrip() throws IOException {
        Model m = Sequential.of(Layers.conv1d(6, 3).withGroups(2).withPadding(Padding.SAME), Layers.batchNorm1d(), Layers.maxPool1d(2).withCeilMode(true),
                Layers.convTranspose1d(4, 3).withStride(2), Layers.avgPool1d(2), Layers.lpPool1d(2f, 2), Layers.globalMaxPool(), Layers.dense(2))
                .withInputShape(4, 11);
        Path f = dir.resolve("sequence.beak");
        ModelFile.save(m, f);
        Model back = ModelFile.load(f).model();
        for (int i = 0; i < m.nodes().size(); i++) assertThat(back.nodes().get(i).spec()).isEqualTo(m.nodes().get(i).spec());
        Tensor x = Tensor.randn(new SplittableRandom(2), 3, 4, 11);
        assertThat(back.forward(x, false).data()).containsExactly(m.forward(x, false).data());
    }
}
