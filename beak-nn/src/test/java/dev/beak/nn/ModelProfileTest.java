package dev.beak.nn;

import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.zoo.NetworkOptions;
import dev.beak.nn.zoo.Vgg;
import dev.beak.nn.zoo.Vgg16;
import dev.beak.nn.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The memory and multiply-add table against the CS231n notes' VGG-16 walk-through, and the cost
 * formulas against built layers.
 */
class ModelProfileTest {
    /**
     * The notes' rows: INPUT 224x224x3 = 150K; CONV3-64 224x224x64 = 3.2M activations, 3*3*3*64 = 1,728
     * weights; ... FC 1000; 138M parameters. Their rows add up to 15,237,608 activations (about 61 MB);
     * the notes' stated total "24M (93 MB)" does not follow from their own rows.
     */
    @Test
    void vgg16ReproducesTheTableOfTheNotes() {
        ModelProfile p = ModelProfile.of(Vgg16.network(1000).lazy(), Vgg16.input());
        ModelProfile.Row conv11 = p.layers().get(0);
        assertThat(conv11.outputShape()).containsExactly(64, 224, 224);
        assertThat(conv11.activations()).isEqualTo(224 * 224 * 64);
        assertThat(conv11.parameters()).isEqualTo(1_728 + 64);   // the notes count weights only; Beak adds the 64 biases
        assertThat(p.inputs().get(0).activations()).isEqualTo(150_528);
        assertThat(p.activations()).isEqualTo(15_237_608L);
        assertThat(p.activationBytes() / 1e6).isCloseTo(61.0, within(0.1));
        assertThat(p.parameters()).isEqualTo(138_357_544L);
        assertThat(p.parameterBytes() / 1e6).isCloseTo(553.4, within(0.1));
        // torchvision's figure for VGG-16: 15.47 G multiply-adds (its "GFLOPS" column).
        assertThat(p.multiplyAdds()).isEqualTo(15_470_264_320L);
        assertThat(p.flops()).isEqualTo(2 * p.multiplyAdds());
        assertThat(p.layers().get(0).multiplyAdds()).isEqualTo(224L * 224 * 64 * 27);
        // The torchvision layout (with dropout) has the same table: dropout writes nothing new at inference.
        ModelProfile zoo = Zoo.get("vgg16").profile(NetworkOptions.imageNet());
        assertThat(zoo.activations()).isEqualTo(p.activations());
        assertThat(zoo.multiplyAdds()).isEqualTo(p.multiplyAdds());
        assertThat(p.table(1)).contains("Total activations: 15,237,608 (61.0 MB per image forward)")
                .contains("Total params: 138,357,544 (553.4 MB)");
        assertThat(p.trainingBytes(8)).isEqualTo(4L * (3 * 138_357_544L + 2L * 8 * 15_237_608L));
    }

    @Test
    void aBuiltModelGivesTheSameProfileAsItsSpecs() {
        Model lazy = Vgg.network(11, Vgg.Norm.BATCH_NORM, NetworkOptions.imageNet().withInputShape(3, 32, 32).withWidth(0.125f).withClasses(10));
        ModelProfile fromSpecs = ModelProfile.of(lazy, new int[] {3, 32, 32});
        ModelProfile built = lazy.build(new int[] {3, 32, 32}).profile();
        assertThat(built).usingRecursiveComparison().isEqualTo(fromSpecs);
        assertThat(built.parameters()).isEqualTo(lazy.parameterCount());
        assertThat(built.buffers()).isEqualTo(lazy.buffers().values().stream().mapToLong(t -> t.size()).sum());
    }

    static Stream<Arguments> layers() {
        return LayerContractTest.rows().map(a -> Arguments.of(a.get()[0], a.get()[1]));
    }

    /** For every layer of the contract table, the parameter formula equals the built layer's count. */
    @ParameterizedTest
    @MethodSource("layers")
    void parameterFormulasMatchBuiltLayers(LayerSpec spec, int[] in) {
        long[] counted = LayerCost.counted(spec.build(new SplittableRandom(1), in));
        assertThat(LayerCost.parameters(spec, new int[][] {in})).containsExactly(counted);
        assertThat(LayerCost.multiplyAdds(spec, new int[][] {in}, spec.outputShapes(in))).isNotNegative();
    }

    @Test
    void costsOfConvolutionsAndMatrixProducts() {
        int[] in = {4, 9, 9};
        LayerSpec grouped = Layers.conv2d(6, 3).withGroups(2).withStride(2);
        assertThat(LayerCost.multiplyAdds(grouped, new int[][] {in}, new int[][] {grouped.outputShape(in)})).isEqualTo(6L * 4 * 4 * 2 * 9);
        LayerSpec up = Layers.convTranspose2d(3, 2).withStride(2);
        assertThat(LayerCost.multiplyAdds(up, new int[][] {in}, new int[][] {up.outputShape(in)})).isEqualTo(4L * 81 * 3 * 4);
        assertThat(LayerCost.multiplyAdds(Layers.dense(7), new int[][] {{5}}, new int[][] {{7}})).isEqualTo(35);
        assertThat(LayerCost.multiplyAdds(Layers.relu(), new int[][] {in}, new int[][] {in})).isZero();
        assertThat(LayerCost.activations(Layers.flatten(), new int[][] {{324}})).isZero();
    }
}
