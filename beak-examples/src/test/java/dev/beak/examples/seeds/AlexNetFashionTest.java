package dev.beak.examples.seeds;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The alexnet example's input path and network, without training (the quick run is in QuickExamplesTest). */
class AlexNetFashionTest {
    @Test
    void upscalingInterpolatesBetweenPixelCentresAndKeepsLabels() {
        // two 1x2x2 images; the second is constant
        TensorDataset d = new TensorDataset(Tensor.of(new float[] {0, 1, 2, 3, 5, 5, 5, 5}, 2, 1, 2, 2), Tensor.of(new float[] {7, 3}, 2));
        TensorDataset up = AlexNetFashion.upscale(d, 4);
        assertThat(up.x().shape()).containsExactly(2, 1, 4, 4);
        assertThat(up.y().data()).containsExactly(7, 3);
        float[] x = up.x().data();
        // first row of image 0 lies on the centres of pixels 0 and 1 (half-pixel): 0, 1/4, 3/4, 1
        assertThat(new float[] {x[0], x[1], x[2], x[3]}).containsExactly(new float[] {0, 0.25f, 0.75f, 1}, within(1e-6f));
        // second row mixes rows 0 and 1 by 3/4 and 1/4: 0.5 + the row above
        assertThat(x[5]).isCloseTo(0.25f + 0.5f, within(1e-6f));
        // last row is the input's last row, stretched
        assertThat(new float[] {x[12], x[13], x[14], x[15]}).containsExactly(new float[] {2, 2.25f, 2.75f, 3}, within(1e-6f));
        for (int i = 16; i < 32; i++) assertThat(x[i]).isEqualTo(5f);
    }

    @Test
    void theStemLeavesTheLayersSomethingToSee() {
        Model m = AlexNetFashion.network(1);
        Tensor out = m.forward(Tensor.zeros(2, 1, AlexNetFashion.SIZE, AlexNetFashion.SIZE), false);
        assertThat(out.shape()).containsExactly(2, 10);
        // 56 -> conv 11x11/4 SAME 14 -> pool 3/2 7 -> conv 5x5 7 -> pool 4 -> three 3x3 convs 4 -> pool 2: 32 channels of 2x2 into the dense layers
        int flatten = m.nodes().stream().map(n -> n.name()).toList().indexOf("flatten");
        assertThat(m.outputShape(flatten - 1)).containsExactly(32, 2, 2);
        assertThat(m.outputShape(0)).containsExactly(12, 14, 14);
    }
}
