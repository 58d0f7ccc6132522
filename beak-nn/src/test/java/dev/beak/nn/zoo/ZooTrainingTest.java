package dev.beak.nn.zoo;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every zoo network runs: one SGD step on two images and one inference, at a reduced width and the
 * smallest input its layout allows (the batch-norm networks at 64x64, so that their last maps are 2x2:
 * batch statistics over two 1x1 maps are degenerate and one step can blow up); then one test at full
 * size (weights allocated, one image forward).
 */
class ZooTrainingTest {
    @ParameterizedTest
    @CsvSource({
            "lenet5, 1, 32, 1", "alexnet, 3, 64, 0.125", "alexnet-tflearn, 3, 64, 0.125", "zfnet, 3, 64, 0.125",
            "vgg11, 3, 32, 0.125", "vgg11-bn, 3, 32, 0.125", "vgg13, 3, 32, 0.125", "vgg13-bn, 3, 32, 0.125",
            "vgg16, 3, 32, 0.125", "vgg16-bn, 3, 32, 0.125", "vgg19, 3, 32, 0.125", "vgg19-bn, 3, 32, 0.125",
            "googlenet, 3, 64, 0.125", "googlenet-aux, 3, 160, 0.0625", "resnet18, 3, 64, 0.125", "resnet34, 3, 64, 0.125",
            "resnet50, 3, 64, 0.125", "resnet101, 3, 64, 0.0625", "resnet152, 3, 64, 0.0625", "squeezenet1.1, 3, 64, 0.125",
            "mobilenetv2, 3, 64, 0.25", "densenet121, 3, 64, 0.25", "densenet169, 3, 64, 0.125", "densenet201, 3, 64, 0.125"})
    void trainsOneStepAndPredictsAtASmallSize(String name, int channels, int size, float width) {
        NetworkOptions o = NetworkOptions.imageNet().withClasses(5).withInputShape(channels, size, size).withWidth(width).withSeed(3);
        Model m = Zoo.get(name).build(o);
        Tensor x = Tensor.randn(new SplittableRandom(1), 2, channels, size, size), y = Tensor.of(new float[] {1, 4}, 2);
        m.compile(new Sgd(0.01, 0.9), new CrossEntropy());
        History h = m.fit(new TensorDataset(x, y), FitOptions.epochs(1).batchSize(2));
        assertThat(h.values("loss")[0]).as(name).isFinite();
        Tensor[] out = m.forward(false, x);
        assertThat(out).hasSize(name.endsWith("-aux") ? 3 : 1);
        for (Tensor t : out) {
            assertThat(t.shape()).as(name).containsExactly(2, 5);
            for (float v : t.data()) assertThat(v).as(name).isFinite();
        }
    }

    /** The full-size networks allocate their weights as counted, and forward one 224x224 image. */
    @Test
    void fullSizeNetworksBuildAndRun() {
        for (String name : List.of("alexnet", "googlenet", "resnet50", "squeezenet1.1", "mobilenetv2", "densenet121")) {
            Zoo.Entry e = Zoo.get(name);
            Model m = e.build(e.defaults());
            assertThat(m.parameterCount()).as(name).isEqualTo(e.profile(e.defaults()).parameters());
            Tensor out = m.predict(Tensor.randn(new SplittableRandom(2), 1, 3, 224, 224), 1);
            assertThat(out.shape()).as(name).containsExactly(1, 1000);
        }
        Model lenet = LeNet.network(LeNet.defaults()).build(LeNet.defaults().inputShape());
        assertThat(lenet.parameterCount()).isEqualTo(61_706);
    }
}
