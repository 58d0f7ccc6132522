package dev.beak.nn;

import dev.beak.dataset.MultiTensorDataset;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** predictOutputs: every output of a multi-output model, named, batched; predict keeps giving a single output. */
class MultiOutputPredictTest {
    @Test
    void everyOutputByNameInTheModelsOrderEqualToOneUnbatchedForwardPass() {
        Model m = MultiInputFitTest.model();
        MultiTensorDataset data = MultiInputFitTest.data(23, 5);
        Tensor a = data.inputs().get(0), b = data.inputs().get(1);
        Map<String, Tensor> y = m.predictOutputs(4, a, b);          // 23 = 5 batches of 4 and one of 3
        assertThat(m.outputNames()).containsExactly("cls", "sum");
        assertThat(y.keySet()).containsExactly("cls", "sum");
        assertThat(y.get("cls").shape()).containsExactly(23, 4);
        assertThat(y.get("sum").shape()).containsExactly(23, 1);
        Tensor[] whole = m.forward(false, a, b);
        assertThat(y.get("cls").data()).containsExactly(whole[0].data(), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(y.get("sum").data()).containsExactly(whole[1].data(), org.assertj.core.data.Offset.offset(1e-5f));
        // The batches really differ: the two heads are not the same numbers.
        assertThat(y.get("sum").data()[0]).isNotEqualTo(y.get("cls").data()[0]);
    }

    @Test
    void aSingleOutputModelPredictsAsBeforeUnderItsLastLayersName() {
        Model m = Sequential.of(Layers.dense(8), Layers.relu(), Layers.dense(3)).named("mlp").seed(2).withInputShape(5);
        Tensor x = Tensor.randn(new SplittableRandom(3), 10, 5);
        Tensor p = m.predict(x, 3);
        assertThat(m.outputNames()).containsExactly("dense_1");
        assertThat(p.shape()).containsExactly(10, 3);
        assertThat(p.data()).containsExactly(m.forward(x, false).data(), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(m.predictOutputs(3, x).get("dense_1").data()).containsExactly(p.data());
        assertThat(m.predict(Tensor.zeros(0, 5), 4).shape()).containsExactly(0, 3);
    }

    @Test
    void predictOnAMultiOutputModelIsItsFirstOutput() {
        SymbolicTensor in = Functional.input(4);
        SymbolicTensor trunk = in.then("trunk", Layers.dense(6));
        Model m = Functional.model("one_in_two_out", List.of(in), List.of(trunk.then("first", Layers.dense(2)), trunk.then("second", Layers.dense(3))), 4);
        Tensor x = Tensor.randn(new SplittableRandom(9), 7, 4);
        Map<String, Tensor> all = m.predictOutputs(2, x);
        assertThat(m.predict(x, 2).data()).containsExactly(all.get("first").data());
        assertThat(all.get("second").shape()).containsExactly(7, 3);
        assertThatThrownBy(() -> MultiInputFitTest.model().predict(x, 4)).hasMessageContaining("takes 2 inputs, got 1");
    }

    @Test
    void outputsOfOneNodeAreNamedByPortAndARepeatedOutputGetsItsOwnName() {
        LayerSpec halves = new Halves();
        List<GraphNode> nodes = List.of(new GraphNode("split", halves, new int[] {GraphNode.modelInput(0)}, new int[] {0}));
        Model m = Model.graph("halves", nodes, 1, new int[] {0, 0, 0}, new int[] {0, 1, 1}, new int[][] {{6}}, 1);
        assertThat(m.outputNames()).containsExactly("split", "split:1", "output_2");
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 6);
        Map<String, Tensor> y = m.predictOutputs(1, x);
        assertThat(y.get("split").data()).containsExactly(1, 2, 3, 7, 8, 9);
        assertThat(y.get("split:1").data()).containsExactly(4, 5, 6, 10, 11, 12);
        assertThat(y.get("output_2").data()).containsExactly(4, 5, 6, 10, 11, 12);
    }

    @Test
    void inputsThatDisagreeOnTheNumberOfSamplesAreOneClearError() {
        Model m = MultiInputFitTest.model();
        assertThatThrownBy(() -> m.predictOutputs(8, Tensor.zeros(5, 4), Tensor.zeros(4, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("model two_heads: input 1 has 4 samples, input 0 has 5 (every input needs one row per sample)");
        assertThatThrownBy(() -> m.predictOutputs(8, Tensor.zeros(5, 4))).hasMessage("model two_heads takes 2 inputs, got 1");
        assertThatThrownBy(() -> m.predictOutputs(0, Tensor.zeros(5, 4), Tensor.zeros(5, 3))).hasMessageContaining("batch size must be >= 1");
    }

    private static Tensor half(Tensor x, long from, long to) {
        return Ops.slice(x, new long[] {from}, new long[] {to}, new int[] {1}, new long[] {1});
    }

    /** A layer with two outputs: the first and the second half of its features. */
    record Halves() implements LayerSpec {
        @Override public String baseName() { return "halves"; }

        @Override public int outputCount() { return 2; }

        @Override public int[] outputShape(int[]... in) { return new int[] {in[0][0] / 2}; }

        @Override public int[][] outputShapes(int[]... in) { return new int[][] {outputShape(in), outputShape(in)}; }

        @Override
        public Layer build(SplittableRandom rng, int[]... in) {
            int h = in[0][0] / 2;
            return new Layer() {
                @Override public Tensor forward(boolean training, Tensor... x) { return forwardOutputs(training, x)[0]; }

                @Override public Tensor[] forwardOutputs(boolean training, Tensor... x) {
                    return new Tensor[] {half(x[0], 0, h), half(x[0], h, 2 * h)};
                }
            };
        }
    }
}
