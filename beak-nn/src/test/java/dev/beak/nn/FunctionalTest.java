package dev.beak.nn;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Add;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.LayerTypes;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.nn.zoo.GoogLeNet;
import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionalTest {
    /** conv-relu-conv plus the identity, then ReLU. */
    private static SymbolicTensor residualBlock(SymbolicTensor x, int channels) {
        SymbolicTensor h = x.then(Layers.conv2d(channels, 3).withPadding(Padding.SAME).withActivation(Activation.RELU))
                .then(Layers.conv2d(channels, 3).withPadding(Padding.SAME));
        return Functional.add(x, h).then(Layers.relu());
    }

    @Test
    void residualBlockTrains() {
        SymbolicTensor in = Functional.input(1, 8, 8);
        SymbolicTensor stem = in.then(Layers.conv2d(4, 3).withPadding(Padding.SAME).withActivation(Activation.RELU));
        SymbolicTensor out = residualBlock(stem, 4).then(Layers.maxPool2d(2)).then(Layers.flatten()).then(Layers.dense(4));
        Model model = Functional.model("residual", in, out).compile(new Adam(1e-2), new CrossEntropy());
        assertThat(model.nodes().get(3).name()).isEqualTo("add");
        assertThat(model.nodes().get(3).inputs()).containsExactly(0, 2);
        History h = model.fit(TrainingTest.quadrants(128, 1), FitOptions.epochs(3).batchSize(16).seed(1));
        assertThat(h.values("loss")[2]).isLessThan(h.values("loss")[0] * 0.7);
        assertThat(model.summary()).contains("add (Add)").contains("conv2d, conv2d_2").contains("Connected to");
    }

    @Test
    void inceptionBlockConcatenatesBranchesAndTrains() {
        SymbolicTensor in = Functional.input(1, 8, 8);
        SymbolicTensor block = GoogLeNet.inception("inception_a", in, 4, 3, 5, 2, 3, 2);
        assertThat(block.shape()).containsExactly(4 + 5 + 3 + 2, 8, 8);
        SymbolicTensor out = block.then(Layers.maxPool2d(2)).then(Layers.flatten()).then(Layers.dense(4));
        Model model = Functional.model("inception", in, out).compile(new Adam(1e-2), new CrossEntropy());
        // 1x1: 8; 3x3 reduce 6 + 3x3 3*9*5+5=140; 5x5 reduce 4 + 5x5 2*25*3+3=153; pool proj 4; dense 14*16*4+4.
        assertThat(model.parameterCount()).isEqualTo(8 + 6 + 140 + 4 + 153 + 4 + 14 * 16 * 4 + 4);
        assertThat(model.summary()).contains("inception_a/output (Concat)")
                .contains("inception_a/1x1, inception_a/3x3, inception_a/5x5, inception_a/pool_proj");
        TensorDataset data = TrainingTest.quadrants(128, 2);
        double before = model.evaluate(data, 64).loss();
        History h = model.fit(data, FitOptions.epochs(3).batchSize(16).seed(2));
        assertThat(h.last().get("loss")).isLessThan(before);
        assertThat(model.evaluate(data, 64).loss()).isLessThan(before * 0.7);
    }

    @Test
    void twoInputsTwoOutputsAndASharedTrunk() {
        SymbolicTensor a = Functional.input(5), b = Functional.input(3);
        SymbolicTensor trunk = Functional.apply(new Concat(0), a, b).then("trunk", Layers.dense(6, Activation.RELU));
        SymbolicTensor head1 = trunk.then("head1", Layers.dense(2)), head2 = trunk.then("head2", Layers.dense(1));
        Model m = Functional.model("two", List.of(a, b), List.of(head1, head2), 4);
        assertThat(m.inputCount()).isEqualTo(2);
        Tensor[] out = m.forward(false, Tensor.randn(new SplittableRandom(1), 3, 5), Tensor.randn(new SplittableRandom(2), 3, 3));
        assertThat(out[0].shape()).containsExactly(3, 2);
        assertThat(out[1].shape()).containsExactly(3, 1);
        assertThat(m.summary()).contains("concat (Concat)").contains("input_0, input_1");
        Tensor[] trained = m.forward(true, Tensor.randn(new SplittableRandom(1), 3, 5), Tensor.randn(new SplittableRandom(2), 3, 3));
        Ops.add(Ops.sum(trained[0]), Ops.sum(trained[1])).backward();
        assertThat(m.parameters().get("trunk.weight").hasGrad()).isTrue();
    }

    @Test
    void concatForwardMatchesTheOpOnChannels() {
        SymbolicTensor a = Functional.input(2, 3, 3), b = Functional.input(1, 3, 3);
        Model m = Functional.model("cat", List.of(a, b), List.of(Functional.concat(a, b)), 0);
        Tensor x = Tensor.randn(new SplittableRandom(3), 2, 2, 3, 3), y = Tensor.randn(new SplittableRandom(4), 2, 1, 3, 3);
        assertThat(m.forward(false, x, y)[0].data()).containsExactly(Ops.concat(1, x, y).data());
    }

    @Test
    void shapeErrorsNameTheLayerWhenTheGraphIsWritten() {
        SymbolicTensor x = Functional.input(4, 6, 6);
        SymbolicTensor y = x.then(Layers.conv2d(8, 3));
        assertThatThrownBy(() -> Functional.add(x, y)).hasMessageContaining("add (Add)")
                .hasMessageContaining("input 1 is (8, 4, 4) but input 0 is (4, 6, 6)").hasMessageContaining("1x1 conv");
        assertThatThrownBy(() -> Functional.concat(x, y)).hasMessageContaining("concat (Concat)").hasMessageContaining("only on that axis");
        assertThatThrownBy(() -> x.then("d", Layers.dense(3))).hasMessageContaining("d (Dense)").hasMessageContaining("Flatten");
    }

    @Test
    void wiringMistakesAreNamed() {
        SymbolicTensor a = Functional.input(3), b = Functional.input(3);
        SymbolicTensor sum = Functional.add(a, b).then(Layers.dense(2));
        assertThatThrownBy(() -> Functional.model("m", a, sum)).hasMessageContaining("which is not among its inputs");
        assertThatThrownBy(() -> Functional.model("m", List.of(a), List.of(a), 0)).hasMessageContaining("output 0 is a model input");
        SymbolicTensor d1 = a.then("same", Layers.dense(2)), d2 = d1.then("same", Layers.dense(2));
        assertThatThrownBy(() -> Functional.model("m", a, d2)).hasMessageContaining("two layers called \"same\"");
    }

    @Test
    void automaticNamesSkipGivenOnes() {
        SymbolicTensor x = Functional.input(3);
        SymbolicTensor y = x.then("dense", Layers.dense(3)).then(Layers.dense(3)).then(Layers.dense(2));
        Model m = Functional.model("names", x, y);
        assertThat(m.nodes().stream().map(GraphNode::name)).containsExactly("dense", "dense_1", "dense_2");
    }

    @Test
    void addAndConcatConfigsRoundTrip() {
        assertThat(LayerTypes.read("Add", LayerTypes.write(new Add()))).isEqualTo(new Add());
        assertThat(LayerTypes.read("Concat", LayerTypes.write(new Concat(-1)))).isEqualTo(new Concat(-1));
        assertThat(new Concat(-1).outputShape(new int[] {2, 3}, new int[] {2, 4})).containsExactly(2, 7);
        Tensor p = Tensor.of(new float[] {1, 2}, 1, 2), q = Tensor.of(new float[] {3, 4}, 1, 2), r = Tensor.of(new float[] {5, 6}, 1, 2);
        assertThat(new Add().build(new SplittableRandom(0), new int[] {2}, new int[] {2}, new int[] {2}).forward(false, p, q, r).data())
                .containsExactly(9f, 12f);
        assertThat(new Add().build(new SplittableRandom(0), new int[] {2}, new int[] {2}).forward(false, p, q).data()).containsExactly(4f, 6f);
    }
}
