package dev.beak.keras;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** TensorFlow.js layers models (float32 and quantized weights) against TF.js' own outputs. */
class TfjsImportTest {
    @ParameterizedTest
    @ValueSource(strings = {"conv_sequential", "conv_sequential_uint8", "conv_sequential_uint16", "activations", "graph_layers", "sequence",
            "nested", "mnist_cnn"})
    void importedModelMatchesTfjs(String name) throws Exception {
        KerasFixture f = KerasFixture.of(name);
        assertThat(KerasImporter.format(f.tfjs())).isEqualTo(KerasImporter.Format.TFJS_LAYERS);
        f.assertMatches(KerasImporter.load(f.tfjs()));
    }
}
