package dev.beak.nn.zoo;

import dev.beak.nn.Model;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Parameter;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ResNet-18's layout and parameter count against torchvision (11,689,512 with 1000 classes). Batch
 * norm and global average pooling are stood in for by shape-only layers with the same parameter
 * counts (2C and 0), so this checks the wiring without running it.
 */
class ResNetTest {
    /** Shape and parameters of a batch norm (scale and shift per channel); never run. */
    record NormStandIn() implements LayerSpec {
        @Override public String type() { return "NormStandIn"; }
        @Override public String baseName() { return "norm"; }
        @Override public int[] outputShape(int[]... in) { return in[0].clone(); }

        @Override
        public Layer build(SplittableRandom rng, int[]... in) {
            List<Parameter> ps = List.of(new Parameter("weight", Tensor.zeros(in[0][0])), new Parameter("bias", Tensor.zeros(in[0][0])));
            return new Layer() {
                @Override public Tensor forward(boolean training, Tensor... x) { throw new UnsupportedOperationException(); }
                @Override public List<Parameter> parameters() { return ps; }
            };
        }
    }

    /** Shape of a global average pool: (C, H, W) to (C, 1, 1). */
    record PoolStandIn() implements LayerSpec {
        @Override public String type() { return "PoolStandIn"; }
        @Override public String baseName() { return "pool"; }
        @Override public int[] outputShape(int[]... in) { return new int[] {in[0][0], 1, 1}; }
        @Override public Layer build(SplittableRandom rng, int[]... in) { return (Layer.Stateless) (t, x) -> { throw new UnsupportedOperationException(); }; }
    }

    @Test
    void resnet18HasTorchvisionsLayoutAndParameterCount() {
        Model m = ResNet.resnet18(1000, NormStandIn::new, PoolStandIn::new);
        assertThat(m.parameterCount()).isEqualTo(11_689_512L);
        assertThat(m.outputShape()).containsExactly(1000);
        int maxpool = indexOf(m, "maxpool"), stage4 = indexOf(m, "layer4.1.relu2");
        assertThat(m.outputShape(maxpool)).containsExactly(64, 56, 56);
        assertThat(m.outputShape(indexOf(m, "layer2.0.add"))).containsExactly(128, 28, 28);
        assertThat(m.outputShape(stage4)).containsExactly(512, 7, 7);
        assertThat(m.parameters()).containsKeys("layer3.0.downsample.0.weight", "layer4.1.conv2.weight", "fc.bias");
        assertThat(m.parameters()).doesNotContainKey("layer1.0.downsample.0.weight");
        assertThat(m.summary()).contains("layer1.0.add (Add)");
    }

    @Test
    void resnet34AndASmallResnetForCifar() {
        assertThat(ResNet.resnet34(1000, NormStandIn::new, PoolStandIn::new).parameterCount()).isEqualTo(21_797_672L);
        Model small = ResNet.resnet("resnet10", new int[] {1, 1, 1, 1}, 10, NormStandIn::new, PoolStandIn::new, new int[] {3, 32, 32});
        assertThat(small.outputShape(indexOf(small, "layer4.0.relu2"))).containsExactly(512, 1, 1);
        assertThat(small.outputShape()).containsExactly(10);
    }

    private static int indexOf(Model m, String name) {
        for (int i = 0; i < m.nodes().size(); i++) if (m.nodes().get(i).name().equals(name)) return i;
        throw new AssertionError("no node " + name);
    }
}
