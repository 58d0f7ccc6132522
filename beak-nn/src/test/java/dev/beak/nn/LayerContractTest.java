package dev.beak.nn;

import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Initializers;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.LayerTypes;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.layer.Parameter;
import dev.beak.nn.optim.Sgd;
import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row per layer: output shape equals {@code outputShape}, parameter count, config round trip,
 * and (for layers with parameters) one SGD step lowers a loss on a tiny batch.
 */
class LayerContractTest {
    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(Layers.conv2d(4, 3), new int[] {2, 6, 5}, 4 * 2 * 9 + 4),
                Arguments.of(Layers.conv2d(3, 5).withPadding(Padding.SAME).withActivation(Activation.RELU), new int[] {1, 7, 7}, 3 * 25 + 3),
                Arguments.of(Layers.conv2d(2, 3).withStride(2).withDilation(2).withBias(false).withPadding(new Padding.Explicit(1, 0, 0, 2)), new int[] {3, 9, 8}, 2 * 3 * 9),
                Arguments.of(Layers.maxPool2d(2), new int[] {3, 7, 6}, 0),
                Arguments.of(Layers.maxPool2d(3).withStride(2).withPadding(Padding.SAME), new int[] {2, 7, 7}, 0),
                Arguments.of(Layers.flatten(), new int[] {2, 3, 4}, 0),
                Arguments.of(Layers.dense(5), new int[] {7}, 40),
                Arguments.of(Layers.dense(3, Activation.RELU), new int[] {4}, 15),
                Arguments.of(Layers.relu(), new int[] {3, 2, 2}, 0),
                Arguments.of(Layers.softmax(), new int[] {6}, 0),
                Arguments.of(Layers.dropout(0.5f), new int[] {5}, 0),
                // Layer catalogue.
                Arguments.of(Layers.conv2d(6, 3).withGroups(2).withPadding(Padding.SAME), new int[] {4, 5, 5}, 6 * 2 * 9 + 6),
                Arguments.of(Layers.depthwiseConv2d(3, 3).withKernelInitializer(Initializers.heNormal()).withBias(false), new int[] {3, 5, 4}, 3 * 9),
                Arguments.of(Layers.conv2d(2, 1).withKernelInitializer(Initializers.normal(0.01)).withBiasInitializer(Initializers.constant(1)), new int[] {3, 2, 2}, 2 * 3 + 2),
                Arguments.of(Layers.conv1d(4, 3).withStride(2).withPadding(Padding.SAME), new int[] {2, 9}, 4 * 2 * 3 + 4),
                Arguments.of(Layers.conv1d(4, 2).withGroups(2).withDilation(2), new int[] {2, 7}, 4 * 1 * 2 + 4),
                Arguments.of(Layers.convTranspose2d(3, 3).withStride(2).withPadding(1).withOutputPadding(1), new int[] {2, 3, 4}, 2 * 3 * 9 + 3),
                Arguments.of(Layers.convTranspose2d(4, 2).withGroups(2).withDilation(2), new int[] {2, 3, 3}, 2 * 2 * 4 + 4),
                Arguments.of(Layers.convTranspose1d(2, 3).withStride(2).withOutputPadding(1), new int[] {3, 4}, 3 * 2 * 3 + 2),
                Arguments.of(Layers.avgPool2d(2), new int[] {2, 5, 4}, 0),
                Arguments.of(Layers.avgPool2d(3).withStride(2).withPadding(Padding.of(1)).withCeilMode(true).withCountIncludePad(false), new int[] {2, 6, 6}, 0),
                Arguments.of(Layers.maxPool2d(3).withStride(2).withDilation(2).withCeilMode(true), new int[] {2, 8, 7}, 0),
                Arguments.of(Layers.lpPool2d(2f, 2), new int[] {2, 4, 5}, 0),
                Arguments.of(Layers.lpPool1d(3f, 2).withStride(1), new int[] {2, 5}, 0),
                Arguments.of(Layers.convTranspose1d(4, 2).withGroups(2).withBias(false).withKernelInitializer(Initializers.heUniform()), new int[] {2, 3}, 2 * 2 * 2),
                Arguments.of(Layers.conv1d(2, 1).withBiasInitializer(Initializers.constant(0.1)), new int[] {3, 4}, 2 * 3 + 2),
                Arguments.of(Layers.maxPool1d(3).withStride(2).withCeilMode(true), new int[] {2, 8}, 0),
                Arguments.of(Layers.avgPool1d(2).withPadding(new Padding.Explicit(0, 0, 1, 0)), new int[] {2, 7}, 0),
                Arguments.of(Layers.globalAvgPool(), new int[] {3, 4, 5}, 0),
                Arguments.of(Layers.globalMaxPool().withKeepDims(true), new int[] {3, 4, 5}, 0),
                Arguments.of(Layers.batchNorm2d(), new int[] {3, 4, 4}, 6),
                Arguments.of(Layers.batchNorm1d().withMomentum(0.01f), new int[] {5}, 10),
                Arguments.of(Layers.batchNorm1d(), new int[] {2, 6}, 4),
                Arguments.of(Layers.groupNorm(2), new int[] {4, 3, 3}, 8),
                Arguments.of(Layers.instanceNorm(), new int[] {3, 5}, 6),
                Arguments.of(Layers.layerNorm(), new int[] {2, 3, 2}, 24),
                Arguments.of(new dev.beak.nn.layer.LayerNorm(1, 1e-5f), new int[] {2, 3}, 6),
                Arguments.of(Layers.localResponseNorm(5, 5e-4f, 0.75f, 2f), new int[] {6, 3, 3}, 0),
                Arguments.of(Layers.leakyRelu(0.1f), new int[] {4}, 0),
                Arguments.of(Layers.prelu(), new int[] {3, 2, 2}, 3),
                Arguments.of(new dev.beak.nn.layer.PRelu(true, 0.1f), new int[] {6}, 1),
                Arguments.of(Layers.elu(0.5f), new int[] {4}, 0),
                Arguments.of(Layers.selu(), new int[] {4}, 0),
                Arguments.of(Layers.sigmoid(), new int[] {4}, 0),
                Arguments.of(Layers.tanh(), new int[] {4}, 0),
                Arguments.of(Layers.hardSigmoid(), new int[] {4}, 0),
                Arguments.of(Layers.hardSwish(), new int[] {4}, 0),
                Arguments.of(Layers.softplus(), new int[] {4}, 0),
                Arguments.of(Layers.logSoftmax(), new int[] {5}, 0),
                Arguments.of(Layers.relu6(), new int[] {3, 2, 2}, 0),
                Arguments.of(Layers.conv2d(2, 1).withActivation(Activation.RELU6), new int[] {3, 2, 2}, 2 * 3 + 2),
                Arguments.of(Layers.maxout(3), new int[] {6, 2, 2}, 0),
                Arguments.of(Layers.dense(4, Activation.SELU).withKernelInitializer(Initializers.heUniform()), new int[] {3}, 16),
                Arguments.of(Layers.dense(2, Activation.HARD_SWISH).withKernelInitializer(Initializers.glorotNormal()), new int[] {3}, 8),
                // Keras import (beak-keras).
                Arguments.of(new dev.beak.nn.layer.ZeroPad2d(1, 2, 0, 1), new int[] {2, 3, 4}, 0),
                Arguments.of(new dev.beak.nn.layer.Crop2d(1, 0, 2, 1), new int[] {2, 4, 5}, 0),
                Arguments.of(new dev.beak.nn.layer.Upsample2d(2, 1, false), new int[] {2, 3, 4}, 0),
                Arguments.of(new dev.beak.nn.layer.Upsample2d(2, 3, true), new int[] {2, 3, 4}, 0),
                Arguments.of(new dev.beak.nn.layer.Reshape(new int[] {-1, 4}), new int[] {2, 3, 4}, 0),
                Arguments.of(new dev.beak.nn.layer.Permute(new int[] {2, 0, 1}), new int[] {2, 3, 4}, 0),
                Arguments.of(new dev.beak.nn.layer.Rescale(1 / 255f, -0.5f), new int[] {2, 3}, 0),
                Arguments.of(new dev.beak.nn.layer.ClippedRelu(0.1f, 0.8f), new int[] {2, 3}, 0),
                Arguments.of(new dev.beak.nn.layer.PReluNd(new int[] {2, 1, 4}, 0.25f), new int[] {2, 3, 4}, 8),
                Arguments.of(new dev.beak.nn.layer.SpatialDropout(0.5f), new int[] {4, 3, 3}, 0));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void contract(LayerSpec spec, int[] in, int params) {
        Layer layer = spec.build(new SplittableRandom(1), in);
        int[] expected = spec.outputShape(in);
        Tensor x = Tensor.randn(new SplittableRandom(2), Shape.prepend(3, in));
        assertThat(layer.forward(false, x).shape()).isEqualTo(Shape.prepend(3, expected));
        assertThat(layer.forward(true, x).shape()).isEqualTo(Shape.prepend(3, expected));
        assertThat(layer.parameters().stream().mapToInt(p -> p.value().size()).sum()).isEqualTo(params);
        assertThat(LayerTypes.read(LayerTypes.nameOf(spec), LayerTypes.write(spec))).isEqualTo(spec);
        if (params > 0) {
            List<Tensor> ps = new ArrayList<>();
            for (Parameter p : layer.parameters()) ps.add(p.value());
            Tensor target = Tensor.randn(new SplittableRandom(3), Shape.prepend(3, expected));
            float before = loss(layer, x, target);
            Tensor l = lossTensor(layer, x, target);
            l.backward();
            new Sgd(1e-2, 0).step(ps);
            assertThat(loss(layer, x, target)).isLessThan(before);
        }
    }

    /** Every registered layer type has a row above (or is a two-input layer below): adding a layer means adding its row. */
    @org.junit.jupiter.api.Test
    void everyRegisteredLayerTypeHasARow() {
        // Embedding and PaddingMask take token ids: their rows are in EmbeddingTest.
        java.util.Set<String> covered = new java.util.TreeSet<>(List.of("Add", "Concat", "Merge", "Embedding", "PaddingMask"));
        rows().forEach(r -> covered.add(LayerTypes.nameOf((LayerSpec) r.get()[0])));
        assertThat(covered).containsAll(LayerTypes.names());
    }

    /** The graph-wiring layers take two inputs: output shape, no parameters, config round trip, values. */
    @org.junit.jupiter.api.Test
    void twoInputLayers() {
        int[] a = {2, 3, 3}, b = {4, 3, 3};
        Tensor xa = Tensor.randn(new SplittableRandom(4), Shape.prepend(2, a)), xa2 = Tensor.randn(new SplittableRandom(5), Shape.prepend(2, a));
        Tensor xb = Tensor.randn(new SplittableRandom(6), Shape.prepend(2, b));

        LayerSpec add = new dev.beak.nn.layer.Add();
        assertThat(add.outputShape(a, a)).containsExactly(a);
        Layer addLayer = add.build(new SplittableRandom(1), a, a);
        Tensor sum = addLayer.forward(false, xa, xa2);
        assertThat(sum.data()[7]).isEqualTo(xa.data()[7] + xa2.data()[7]);
        assertThat(addLayer.parameters()).isEmpty();
        assertThat(LayerTypes.read(LayerTypes.nameOf(add), LayerTypes.write(add))).isEqualTo(add);

        LayerSpec concat = new dev.beak.nn.layer.Concat(0);
        assertThat(concat.outputShape(a, b)).containsExactly(6, 3, 3);
        Tensor joined = concat.build(new SplittableRandom(1), a, b).forward(false, xa, xb);
        assertThat(joined.shape()).containsExactly(2, 6, 3, 3);
        // Sample 1, channel 2 is the first channel of the second input.
        assertThat(joined.data()[(1 * 6 + 2) * 9]).isEqualTo(xb.data()[(1 * 4) * 9]);
        assertThat(LayerTypes.read(LayerTypes.nameOf(concat), LayerTypes.write(concat))).isEqualTo(concat);
    }

    private static Tensor lossTensor(Layer layer, Tensor x, Tensor target) {
        Tensor d = Ops.add(layer.forward(false, x), Ops.mul(target, Tensor.full(-1f, target.shape())));
        return Ops.mean(Ops.mul(d, d));
    }

    private static float loss(Layer layer, Tensor x, Tensor target) {
        return lossTensor(layer, x, target).item();
    }
}
