package dev.beak.nn.zoo;

import dev.beak.nn.Model;
import dev.beak.nn.ModelProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every zoo network against the reference implementation's parameter count (torchvision's, with 1000
 * classes at (3, 224, 224); LeNet-5 with 10 classes at (1, 32, 32); TFLearn's AlexNet example with 17
 * classes at (3, 227, 227); ZFNet by the paper's layout), counted from the specs without allocating the weights.
 */
class ZooTest {
    @ParameterizedTest
    @CsvSource({
            "lenet5, 61706", "alexnet, 61100840", "alexnet-tflearn, 87711121", "zfnet, 62357608", "vgg11, 132863336", "vgg11-bn, 132868840", "vgg13, 133047848",
            "vgg13-bn, 133053736", "vgg16, 138357544", "vgg16-bn, 138365992", "vgg19, 143667240", "vgg19-bn, 143678248",
            "googlenet, 6624904", "googlenet-aux, 13004888", "resnet18, 11689512", "resnet34, 21797672", "resnet50, 25557032",
            "resnet101, 44549160", "resnet152, 60192808", "squeezenet1.1, 1235496", "mobilenetv2, 3504872",
            "densenet121, 7978856", "densenet169, 14149480", "densenet201, 20013928"})
    void parameterCountsEqualTheReferences(String name, long parameters) {
        Zoo.Entry e = Zoo.get(name);
        ModelProfile p = e.profile(e.defaults());
        assertThat(p.parameters()).as(name).isEqualTo(parameters);
        assertThat(p.unknownCost()).isEmpty();
    }

    /** torchvision's "GFLOPS" column of its model table, which counts multiply-adds, as Beak does. */
    @ParameterizedTest
    @CsvSource({"alexnet, 0.71", "vgg11, 7.61", "vgg13, 11.31", "vgg16, 15.47", "vgg19, 19.63", "googlenet, 1.50",
            "resnet18, 1.81", "resnet34, 3.66", "resnet50, 4.09", "resnet101, 7.80", "resnet152, 11.51", "squeezenet1.1, 0.35",
            "mobilenetv2, 0.30", "densenet121, 2.83", "densenet169, 3.36", "densenet201, 4.29"})
    void multiplyAddsEqualTorchvisionsTable(String name, double giga) {
        Zoo.Entry e = Zoo.get(name);
        assertThat(e.profile(e.defaults()).multiplyAdds() / 1e9).as(name).isCloseTo(giga, org.assertj.core.api.Assertions.within(0.005));
    }

    @Test
    void everyEntryHasAProfileAndAnUnbuiltModel() {
        for (Zoo.Entry e : Zoo.entries()) {
            Model m = e.model(e.defaults());
            assertThat(m.isBuilt()).as(e.name()).isFalse();
            assertThat(e.profile(e.defaults()).multiplyAdds()).as(e.name()).isPositive();
        }
    }
}
