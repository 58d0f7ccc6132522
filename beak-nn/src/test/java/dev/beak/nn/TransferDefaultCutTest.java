package dev.beak.nn;

import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the base of a classifier ends when no cut is given. */
class TransferDefaultCutTest {
    @Test
    void theBaseEndsAtTheInputOfTheLastDenseLayer() {
        assertThat(TransferRecipe.defaultCut(TransferTest.pretrained())).isEqualTo("flatten");
        Model twoDense = Sequential.of(Layers.flatten(), Layers.dense(8, Activation.RELU), Layers.dropout(0.5f), Layers.dense(3))
                .seed(1).withInputShape(1, 4, 4);
        assertThat(TransferRecipe.defaultCut(twoDense)).isEqualTo("dropout");
    }

    @Test
    void withoutADenseLayerTheBaseEndsBeforeTheOutput() {
        Model allConv = Sequential.of(Layers.conv2d(4, 3).withPadding(Padding.SAME), Layers.globalAvgPool()).seed(1).withInputShape(1, 8, 8);
        assertThat(TransferRecipe.defaultCut(allConv)).isEqualTo("conv2d");
    }

    @Test
    void aLastDenseLayerFedByTwoLayersAsksForTheCut() {
        var in = Functional.input(4);
        var a = in.then(Layers.dense(4));
        var b = in.then(Layers.dense(4));
        Model model = Functional.model("joined", java.util.List.of(in), java.util.List.of(Functional.add(a, b)), 1);
        assertThatThrownBy(() -> TransferRecipe.defaultCut(model)).hasMessageContaining("model joined: cannot tell where its base ends")
                .hasMessageContaining("name the cut layer, one of");
    }
}
