package dev.beak.nn;

import dev.beak.nn.zoo.SeedNetworks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {
    @Test
    void cifarNetHasKerasShapesAndParameterCounts() {
        Model m = SeedNetworks.cifar().withInputShape(SeedNetworks.cifarInput());
        String s = m.summary();
        String[] rows = {
            " conv2d (Conv2d)                    (None, 32, 30, 30)       896",
            " max_pooling2d (MaxPool2d)          (None, 32, 15, 15)       0",
            " conv2d_1 (Conv2d)                  (None, 64, 13, 13)       18,496",
            " max_pooling2d_1 (MaxPool2d)        (None, 64, 6, 6)         0",
            " conv2d_2 (Conv2d)                  (None, 64, 4, 4)         36,928",
            " flatten (Flatten)                  (None, 1024)             0",
            " dense (Dense)                      (None, 64)               65,600",
            " dense_1 (Dense)                    (None, 10)               650",
        };
        for (String row : rows) assertThat(s).contains(row + "\n");
        assertThat(s).contains("Total params: 122,570");
        assertThat(m.parameterCount()).isEqualTo(122_570);
    }

    @Test
    void mnistNetShapes() {
        Model m = SeedNetworks.mnist().withInputShape(SeedNetworks.mnistInput());
        assertThat(m.outputShape(4)).containsExactly(3136);
        assertThat(m.outputShape()).containsExactly(10);
        // 832 + 51,264 + 3,212,288 + 10,250
        assertThat(m.parameterCount()).isEqualTo(3_274_634);
    }
}
