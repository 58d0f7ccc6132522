package dev.beak.keras;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture model, from each of its three files (TF.js, Keras 2 .h5, Keras 3 .keras), gives TF.js'
 * outputs within 1e-4 relative. Between them the fixtures hold every layer the importer converts.
 */
class KerasImportTest {
    static Stream<Arguments> files() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (String name : new String[] {"conv_sequential", "activations", "graph_layers", "sequence", "nested", "mnist_cnn", "text_cnn", "text_cnn_masked"}) {
            rows.add(Arguments.of(name, KerasImporter.Format.TFJS_LAYERS, (Function<KerasFixture, Path>) KerasFixture::tfjs));
            rows.add(Arguments.of(name, KerasImporter.Format.KERAS2_H5, (Function<KerasFixture, Path>) KerasFixture::h5));
            rows.add(Arguments.of(name, KerasImporter.Format.KERAS3_ARCHIVE, (Function<KerasFixture, Path>) KerasFixture::keras));
        }
        return rows.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("files")
    void importedModelMatchesTfjs(String name, KerasImporter.Format format, Function<KerasFixture, Path> file) throws Exception {
        KerasFixture f = KerasFixture.of(name);
        Path p = file.apply(f);
        assertThat(KerasImporter.format(p)).isEqualTo(format);
        f.assertMatches(KerasImporter.load(p));
    }

    /** TF.js' affine quantization, decoded as q * scale + min, against TF.js' outputs from the same quantized files. */
    @ParameterizedTest
    @ValueSource(strings = {"conv_sequential_uint8", "conv_sequential_uint16"})
    void quantizedTfjsWeights(String name) throws Exception {
        KerasFixture f = KerasFixture.of(name);
        f.assertMatches(KerasImporter.load(f.tfjs()));
    }
}
