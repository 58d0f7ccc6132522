package dev.beak.nn.zoo;

import dev.beak.nn.Model;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Vgg16Test {
    @Test
    void hasTheParameterCountAndShapesOfThePaper() {
        Model vgg = Vgg16.network(1000).withInputShape(Vgg16.input());
        assertThat(vgg.parameterCount()).isEqualTo(138_357_544L);
        // 13 convolutions, 5 pools, flatten, 3 dense layers.
        assertThat(vgg.nodes()).hasSize(22);
        assertThat(vgg.outputShape(17)).containsExactly(512, 7, 7);
        assertThat(vgg.outputShape(18)).containsExactly(25088);
        assertThat(vgg.outputShape()).containsExactly(1000);
    }
}
