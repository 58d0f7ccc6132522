package dev.beak.nn.zoo;

import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** ResNet with real batch normalisation: the torchvision parameter count, and training steps that lower the loss. */
class ResNetWithBatchNormTest {
    @Test
    void resnet18HasTorchvisionsParameterCountAndTrains() {
        Model m = ResNet.resnet18(1000, Layers::batchNorm2d, Layers::globalAvgPool);
        assertThat(m.parameterCount()).isEqualTo(11_689_512L);

        // A few SGD steps of ResNet-18 (10 classes) on two 224x224 images: the loss on that batch goes down.
        Model net = ResNet.resnet18(10, Layers::batchNorm2d, Layers::globalAvgPool);
        SplittableRandom rng = new SplittableRandom(4);
        Tensor xs = Tensor.randn(rng, 2, 3, 224, 224), ys = Tensor.of(new float[] {3, 7}, 2);
        net.compile(new Sgd(0.01, 0.9), new CrossEntropy());
        History h = net.fit(new TensorDataset(xs, ys), FitOptions.epochs(3).batchSize(2));
        assertThat(h.values("loss")[2]).isLessThan(h.values("loss")[0]);
    }

    @Test
    void residualBlocksWithBatchNormAndAFrozenBlockTrain() {
        SymbolicTensor in = Functional.input(3, 8, 8);
        SymbolicTensor x = in.then(Layers.conv2d(8, 3).withPadding(dev.beak.ops.Padding.of(1)).withBias(false))
                .then(Layers.batchNorm2d()).then(Layers.relu());
        x = ResNet.basicBlock("b1", x, 8, 1, Layers::batchNorm2d);
        x = ResNet.basicBlock("b2", x, 16, 2, Layers::batchNorm2d);
        Model small = Functional.model("small", in, x.then(Layers.globalAvgPool()).then(Layers.flatten()).then(Layers.dense(2)));
        SplittableRandom rng = new SplittableRandom(1);
        Tensor xs = Tensor.randn(rng, 64, 3, 8, 8);
        float[] y = new float[64];
        for (int i = 0; i < 64; i++) {
            y[i] = i % 2;
            if (i % 2 == 1) for (int j = 0; j < 64; j++) xs.data()[i * 192 + j] += 1f;
        }
        small.compile(new Sgd(0.05, 0.9), new CrossEntropy()).freeze("b1");
        float[] frozenMean = small.buffers().entrySet().stream().filter(e -> e.getKey().startsWith("b1"))
                .findFirst().orElseThrow().getValue().data().clone();
        History h = small.fit(new TensorDataset(xs, Tensor.of(y, 64)), FitOptions.epochs(4).batchSize(16));
        assertThat(h.values("loss")[3]).isLessThan(h.values("loss")[0]);
        // The frozen block ran in inference mode: its running statistics did not move.
        assertThat(small.buffers().entrySet().stream().filter(e -> e.getKey().startsWith("b1"))
                .findFirst().orElseThrow().getValue().data()).containsExactly(frozenMean);
    }
}
