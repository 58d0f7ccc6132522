package dev.beak.nn;

import dev.beak.nn.layer.Layers;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphModelTest {
    /** Two inputs, a shared trunk on input 0 with two heads, and a branch on input 1: three outputs. */
    private static Model threeHeaded() {
        List<GraphNode> nodes = List.of(
                new GraphNode("trunk", Layers.dense(4), new int[] {GraphNode.modelInput(0)}),
                new GraphNode("head_a", Layers.dense(2), new int[] {0}),
                new GraphNode("head_b", Layers.relu(), new int[] {0}),
                new GraphNode("other", Layers.dense(3), new int[] {GraphNode.modelInput(1)}));
        return Model.graph("heads", nodes, 2, new int[] {1, 2, 3}, new int[][] {{5}, {7}}, 1);
    }

    @Test
    void multipleInputsAndOutputs() {
        Model m = threeHeaded();
        SplittableRandom rng = new SplittableRandom(2);
        Tensor[] out = m.forward(false, Tensor.randn(rng, 3, 5), Tensor.randn(rng, 3, 7));
        assertThat(out).hasSize(3);
        assertThat(out[0].shape()).containsExactly(3, 2);
        assertThat(out[1].shape()).containsExactly(3, 4);
        assertThat(out[2].shape()).containsExactly(3, 3);
        assertThat(m.summary()).contains("Connected to").contains("input_1").contains("head_b (Relu)");
        assertThat(m.parameterCount()).isEqualTo(5 * 4 + 4 + 4 * 2 + 2 + 7 * 3 + 3);
    }

    @Test
    void gradientsFlowIntoEveryBranchOfASharedTrunk() {
        Model m = threeHeaded();
        SplittableRandom rng = new SplittableRandom(3);
        Tensor[] out = m.forward(true, Tensor.randn(rng, 2, 5), Tensor.randn(rng, 2, 7));
        dev.beak.ops.Ops.add(dev.beak.ops.Ops.sum(out[0]), dev.beak.ops.Ops.sum(out[1])).backward();
        assertThat(m.parameters().get("trunk.weight").hasGrad()).isTrue();
        assertThat(m.parameters().get("other.weight").hasGrad()).isFalse();
    }

    @Test
    void badWiringIsRejected() {
        List<GraphNode> forward = List.of(new GraphNode("a", Layers.relu(), new int[] {1}), new GraphNode("b", Layers.relu(), new int[] {-1}));
        assertThatThrownBy(() -> Model.graph("bad", forward, 1, new int[] {1}, null, 0)).hasMessageContaining("does not come before it");
        List<GraphNode> tooMany = List.of(new GraphNode("a", Layers.relu(), new int[] {GraphNode.modelInput(2)}));
        assertThatThrownBy(() -> Model.graph("bad", tooMany, 2, new int[] {0}, null, 0)).hasMessageContaining("model input 2 of 2");
        assertThatThrownBy(() -> threeHeaded().forward(false, Tensor.zeros(1, 5))).hasMessageContaining("takes 2 inputs");
    }
}
