package dev.beak.nn;

import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Conv2d;
import dev.beak.nn.layer.Initializer;
import dev.beak.nn.layer.Initializers;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.Layers;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** Behaviour of the catalogue layers beyond the contract: train/eval modes, buffers, defaults, initializers. */
class LayerCatalogueTest {
    @Test
    void batchNormTrainsOnBatchStatisticsAndEvaluatesOnRunningOnes() {
        Layer bn = Layers.batchNorm2d().build(new SplittableRandom(1), new int[] {2, 3, 3});
        assertThat(bn.buffers()).extracting(p -> p.name()).containsExactly("running_mean", "running_var");
        assertThat(bn.buffers()).allMatch(p -> !p.value().requiresGrad());
        Tensor x = Tensor.randn(new SplittableRandom(2), 4, 2, 3, 3);
        for (int i = 0; i < x.size(); i++) x.data()[i] = x.data()[i] * 3 + 5;
        Tensor y = bn.forward(true, x);
        double mean = 0;
        for (int i = 0; i < 9; i++) mean += y.data()[i] + y.data()[18 + i] + y.data()[36 + i] + y.data()[54 + i];
        assertThat(mean / 36).isCloseTo(0, offset(1e-5));
        float runningMean = bn.buffers().get(0).value().data()[0];
        assertThat(runningMean).isBetween(0.3f, 0.7f);   // 0.1 * (about 5)
        Tensor e1 = bn.forward(false, x), e2 = bn.forward(false, x);
        assertThat(e1.data()).containsExactly(e2.data());
        assertThat(bn.buffers().get(0).value().data()[0]).isEqualTo(runningMean);
    }

    @Test
    void activationNames() {
        assertThat(Activation.fromConfigName("hard_swish")).isEqualTo(Activation.HARD_SWISH);
        assertThatThrownBy(() -> Activation.fromConfigName("swoosh")).hasMessageContaining("log_softmax");
        assertThat(Activation.fromConfigName("relu6")).isEqualTo(Activation.RELU6);
    }

    /** ReLU6 clips to [0, 6] (its gradient is Clip's, checked in beak-core). */
    @Test
    void relu6ClipsAtZeroAndSix() {
        Tensor y = Layers.relu6().build(new SplittableRandom(1), new int[] {4}).forward(false, Tensor.of(new float[] {-2, 0.5f, 6, 9}, 1, 4));
        assertThat(y.data()).containsExactly(0f, 0.5f, 6f, 6f);
        assertThat(Layers.relu6().type()).isEqualTo("Relu6");
    }

    @Test
    void initializersHaveTheirScales() {
        SplittableRandom rng = new SplittableRandom(3);
        assertThat(std(Initializers.heNormal().create(rng, 50, 10, 200, 50))).isCloseTo(Math.sqrt(2.0 / 50), offset(0.01));
        assertThat(std(Initializers.glorotNormal().create(rng, 50, 30, 200, 50))).isCloseTo(Math.sqrt(2.0 / 80), offset(0.01));
        assertThat(std(Initializers.heUniform().create(rng, 50, 10, 200, 50))).isCloseTo(Math.sqrt(6.0 / 50) / Math.sqrt(3), offset(0.01));
        assertThat(std(Initializers.normal(0.01).create(rng, 1, 1, 10_000))).isCloseTo(0.01, offset(0.001));
        assertThat(Initializers.constant(0.5).create(rng, 1, 1, 3).data()).containsOnly(0.5f);
    }

    @Test
    void shapeErrorsNameTheLayer() {
        assertThatThrownBy(() -> Layers.conv2d(4, 3).withGroups(2).outputShape(new int[] {3, 8, 8}))
                .hasMessageContaining("Conv2d").hasMessageContaining("(3, 8, 8)");
        assertThatThrownBy(() -> Layers.batchNorm2d().outputShape(new int[] {3})).hasMessageContaining("BatchNorm2d").hasMessageContaining("(3,)");
        assertThatThrownBy(() -> Layers.maxout(4).outputShape(new int[] {6, 2})).hasMessageContaining("Maxout").hasMessageContaining("(6, 2)");
        assertThatThrownBy(() -> Layers.conv1d(2, 3).outputShape(new int[] {3, 4, 4})).hasMessageContaining("Conv1d").hasMessageContaining("(C, L)");
    }

    @Test
    void aCatalogueCnnLearns() {
        Model model = Sequential.of(Layers.conv2d(8, 3).withPadding(dev.beak.ops.Padding.SAME).withKernelInitializer(Initializers.heNormal()),
                Layers.batchNorm2d(), Layers.prelu(), Layers.localResponseNorm(3, 1e-3f, 0.75f, 2f),
                Layers.depthwiseConv2d(8, 3).withPadding(dev.beak.ops.Padding.SAME), Layers.batchNorm2d(), Layers.activation(Activation.HARD_SWISH),
                Layers.avgPool2d(2), Layers.conv2d(8, 1).withGroups(2), Layers.globalMaxPool(), Layers.dense(8, Activation.ELU),
                Layers.dense(4)).seed(3).lazy().compile(new dev.beak.nn.optim.Adam(1e-2), new dev.beak.nn.loss.CrossEntropy());
        var h = model.fit(TrainingTest.quadrants(512, 1), dev.beak.nn.train.FitOptions.epochs(4).batchSize(32)
                .validation(TrainingTest.quadrants(200, 2)).seed(5));
        assertThat(h.last().get("val_accuracy")).isGreaterThan(0.9);
    }

    private static double std(Tensor t) {
        double s = 0, sq = 0;
        for (float v : t.data()) {
            s += v;
            sq += v * v;
        }
        double m = s / t.size();
        return Math.sqrt(sq / t.size() - m * m);
    }
}
