package dev.beak.nn;

import dev.beak.nn.layer.Embedding;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.LayerTypes;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.layer.PaddingMask;
import dev.beak.nn.optim.Sgd;
import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Embedding and PaddingMask: the layer contract (their inputs are token ids, not random floats) and masked pooling in a model. */
class EmbeddingTest {
    private static final Tensor IDS = Tensor.of(new float[] {3, 1, 4, 0, 0, 2, 6, 5, 3, 0}, 2, 5);

    @Test
    void embeddingContract() {
        Embedding spec = Layers.embedding(7, 4).withPaddingIndex(0);
        Layer layer = spec.build(new SplittableRandom(1), new int[] {5});
        assertThat(spec.outputShape(new int[] {5})).containsExactly(4, 5);
        Tensor w = layer.parameters().getFirst().value();
        assertThat(w.shape()).as("Keras' and PyTorch's table layout (vocabulary, dimension)").containsExactly(7, 4);
        assertThat(java.util.Arrays.copyOfRange(w.data(), 0, 4)).as("padding row starts at zero").containsOnly(0f);
        assertThat(layer.forward(false, IDS).shape()).containsExactly(2, 4, 5);
        assertThat(LayerTypes.read(LayerTypes.nameOf(spec), LayerTypes.write(spec))).isEqualTo(spec);
        // One SGD step towards a random target lowers the loss, and the padding row stays at zero.
        Tensor target = Tensor.randn(new SplittableRandom(3), 2, 4, 5);
        float before = loss(layer, target).item();
        loss(layer, target).backward();
        new Sgd(0.5, 0).step(List.of(w));
        assertThat(loss(layer, target).item()).isLessThan(before);
        assertThat(java.util.Arrays.copyOfRange(w.data(), 0, 4)).containsOnly(0f);
        assertThatThrownBy(() -> spec.outputShape(new int[] {2, 5})).hasMessageContaining("expects per-sample input (L) of token ids");
        assertThatThrownBy(() -> Layers.embedding(7, 4).withPaddingIndex(7)).hasMessageContaining("padding index must be -1 (none) or in 0..6");
    }

    @Test
    void paddingMaskContract() {
        LayerSpec spec = Layers.paddingMask(0);
        Tensor m = spec.build(new SplittableRandom(1), new int[] {5}).forward(false, IDS);
        assertThat(m.data()).containsExactly(1, 1, 1, 0, 0, 1, 1, 1, 1, 0);
        assertThat(LayerTypes.read(LayerTypes.nameOf(spec), LayerTypes.write(spec))).isEqualTo(new PaddingMask(0));
    }

    @Test
    void maskedMaxOverTimeIgnoresPaddedPositions() {
        SymbolicTensor ids = Functional.input(5);
        SymbolicTensor conv = ids.then("embedding", Layers.embedding(7, 3).withPaddingIndex(0))
                .then("conv", Layers.conv1d(2, 3).withPadding(Padding.SAME).withBiasInitializer(dev.beak.nn.layer.Initializers.constant(5)));
        SymbolicTensor masked = Functional.apply("masked", Layers.globalMaxPool(), conv, ids.then("mask", Layers.paddingMask(0)));
        SymbolicTensor plain = Functional.apply("plain", Layers.globalMaxPool(), conv);
        Model m = Functional.model("text", List.of(ids), List.of(masked, plain), 1);
        Tensor[] all = m.forwardAll(false, IDS);
        Tensor c = all[m.layerNames().indexOf("conv")];
        Tensor pooled = all[m.layerNames().indexOf("masked")], unmasked = all[m.layerNames().indexOf("plain")];
        int[] real = {3, 4};
        for (int s = 0; s < 2; s++) {
            for (int f = 0; f < 2; f++) {
                float best = Float.NEGATIVE_INFINITY, any = Float.NEGATIVE_INFINITY;
                for (int l = 0; l < 5; l++) {
                    float v = c.data()[(s * 2 + f) * 5 + l];
                    if (l < real[s]) best = Math.max(best, v);
                    any = Math.max(any, v);
                }
                assertThat(pooled.data()[s * 2 + f]).isEqualTo(best);
                assertThat(unmasked.data()[s * 2 + f]).isEqualTo(any);
            }
        }
        assertThatThrownBy(() -> Functional.apply(Layers.globalMaxPool(), ids.then(Layers.embedding(7, 3)).then(Layers.conv1d(2, 3)), ids.then(Layers.paddingMask(0))))
                .hasMessageContaining("must have the input's spatial shape (3,)").hasMessageContaining("SAME padding");
    }

    private static Tensor loss(Layer layer, Tensor target) {
        Tensor d = Ops.sub(layer.forward(true, IDS), target);
        return Ops.mean(Ops.mul(d, d));
    }
}
