package dev.beak.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beak.autograd.Autograd;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fixture folder of src/test/resources/keras (made by fixtures-src): the model as TF.js saved it,
 * as Keras 2 .h5 and Keras 3 .keras, and io.json with TF.js' outputs on a fixed input (channels-last).
 */
record KerasFixture(Path folder) {
    static final Path ROOT = Path.of("src/test/resources/keras");

    static KerasFixture of(String name) {
        return new KerasFixture(ROOT.resolve(name));
    }

    Path tfjs() {
        return folder.resolve("model.json");
    }

    Path h5() {
        return folder.resolve("model.h5");
    }

    Path keras() {
        return folder.resolve("model.keras");
    }

    /** The fixture's inputs, channels-first. */
    Tensor[] inputs() throws IOException {
        return tensors("inputs");
    }

    /** TF.js' outputs, turned channels-first. */
    Tensor[] expected() throws IOException {
        return tensors("outputs");
    }

    private Tensor[] tensors(String key) throws IOException {
        JsonNode io = new ObjectMapper().readTree(folder.resolve("io.json").toFile());
        List<Tensor> out = new ArrayList<>();
        for (JsonNode t : io.get(key)) {
            int[] shape = new int[t.get("shape").size()];
            for (int i = 0; i < shape.length; i++) shape[i] = t.get("shape").get(i).asInt();
            float[] data = new float[t.get("data").size()];
            for (int i = 0; i < data.length; i++) data[i] = (float) t.get("data").get(i).asDouble();
            out.add(channelsFirst(Tensor.of(data, shape)));
        }
        return out.toArray(Tensor[]::new);
    }

    /** (N, d1, ..., C) -> (N, C, d1, ...). */
    static Tensor channelsFirst(Tensor x) {
        int r = x.rank();
        if (r < 3) return x;
        int[] perm = new int[r];
        perm[1] = r - 1;
        for (int i = 2; i < r; i++) perm[i] = i - 1;
        return dev.beak.ops.Ops.transpose(x, perm).detach();
    }

    /** Runs {@code model} in evaluation mode and checks every output against TF.js' within 1e-4 relative (of the largest value). */
    void assertMatches(Model model) throws IOException {
        Tensor[] expected = expected();
        Tensor[] got;
        try (var scope = Autograd.noGrad()) {
            got = model.forward(false, inputs());
        }
        assertThat(got).hasSameSizeAs(expected);
        for (int o = 0; o < got.length; o++) {
            assertThat(got[o].shape()).as("output %d shape", o).containsExactly(expected[o].shape());
            float[] g = got[o].data(), e = expected[o].data();
            double largest = 1e-6;
            for (float v : e) largest = Math.max(largest, Math.abs(v));
            for (int i = 0; i < e.length; i++) {
                assertThat(Math.abs(g[i] - e[i]) / largest).as("%s output %d value %d: %s vs %s", folder.getFileName(), o, i, g[i], e[i]).isLessThan(1e-4);
            }
        }
    }
}
