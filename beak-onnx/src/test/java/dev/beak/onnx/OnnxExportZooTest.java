package dev.beak.onnx;

import dev.beak.nn.Model;
import dev.beak.nn.zoo.NetworkOptions;
import dev.beak.nn.zoo.Zoo;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Every zoo network, exported and run in ONNX Runtime, gives Beak's outputs (every output of
 * GoogLeNet's auxiliary-head variant too) within 1e-4 of the largest output, at batch 2. The networks
 * are built narrow (width 1/4) and at the smallest input their layout allows, to keep the test fast;
 * the graph and its layer types are those of the full networks.
 */
class OnnxExportZooTest {
    static List<String> names() {
        return Zoo.names();
    }

    /** The input a network is exported at: LeNet's own, AlexNet-style stems need 63 pixels (two 3/2 pools after a stride-4 conv), GoogLeNet's auxiliary heads 96. */
    static NetworkOptions small(Zoo.Entry e) {
        NetworkOptions o = e.defaults().withWidth(0.25f).withClasses(10).withSeed(5);
        if (e.name().startsWith("lenet")) return o;
        int side = e.name().equals("googlenet-aux") ? 96 : e.name().startsWith("alexnet") || e.name().startsWith("zfnet") ? 67 : 32;
        return o.withInputShape(3, side, side);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void runsInOnnxRuntimeAsInBeak(String name) {
        Zoo.Entry entry = Zoo.get(name);
        Model model = entry.build(small(entry));
        OnnxExportLayersTest.randomize(model, 3, false);   // batch-norm statistics; the seeded initial weights keep deep nets finite
        Tensor x = Tensor.randn(new SplittableRandom(1), Shape.prepend(2, model.inputShape()));
        Tensor[] beak;
        try (var scope = dev.beak.autograd.Autograd.noGrad()) {
            beak = model.forward(false, x);
        }
        Tensor[] ort = Ort.run(OnnxExporter.toProto(model).toByteArray(), x);
        for (int o = 0; o < beak.length; o++) Ort.assertClose(name + " output " + o, ort[o], beak[o], 1e-4);
    }
}
