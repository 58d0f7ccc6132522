package dev.beak.nn;

import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.metric.Metric;
import dev.beak.nn.optim.ParameterGroup;
import dev.beak.nn.optim.Sgd;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-layer training settings and the compile config, as a model file reads them from a model and gives them back. */
class TrainingSettingsTest {
    @Test
    void settingsListFrozenLayersAndMultipliersOtherThanOne() {
        Model model = TrainingTest.smallCnn().freezeUpTo("max_pooling2d").setLearningRateMultiplier("dense", 10);
        assertThat(TrainingTest.smallCnn().trainingSettings()).isEqualTo(TrainingSettings.NONE);
        TrainingSettings s = model.trainingSettings();
        assertThat(s.frozen()).containsExactly("conv2d", "max_pooling2d");
        assertThat(s.learningRateMultipliers()).containsExactly(Map.entry("dense", 10.0));
    }

    @Test
    void settingsCarryOverToAFreshModelAndReplaceWhatItHad() {
        Model source = TrainingTest.smallCnn().freeze("conv2d").setLearningRateMultiplier("dense", 0.25);
        Model target = TrainingTest.smallCnn().freeze("dense").setLearningRateMultiplier("conv2d", 3);
        target.setTrainingSettings(source.trainingSettings()).build(new int[] {1, 8, 8});
        assertThat(target.trainingSettings()).isEqualTo(source.trainingSettings());
        assertThat(target.isTrainable("conv2d")).isFalse();
        assertThat(target.isTrainable("dense")).isTrue();
        assertThat(target.parameters().get("conv2d.weight").requiresGrad()).isFalse();
        List<ParameterGroup> groups = target.parameterGroups();
        assertThat(groups).hasSize(1);
        assertThat(groups.getFirst().learningRateMultiplier()).isEqualTo(0.25);
    }

    @Test
    void unknownLayerFailsAndChangesNothing() {
        Model model = TrainingTest.smallCnn().freeze("conv2d");
        TrainingSettings bad = new TrainingSettings(List.of("dense"), Map.of("conv9", 2.0));
        assertThatThrownBy(() -> model.setTrainingSettings(bad)).hasMessageContaining("no layer is called \"conv9\"");
        assertThat(model.trainingSettings().frozen()).containsExactly("conv2d");
        assertThatThrownBy(() -> new TrainingSettings(List.of(), Map.of("dense", -1.0))).hasMessageContaining("dense must be finite and >= 0");
    }

    @Test
    void compileConfigRemembersLossAndMetrics() {
        Model model = TrainingTest.smallCnn();
        assertThat(model.compileConfig()).isEmpty();
        model.compile(new Sgd(0.1), new CrossEntropy(), Metric.topK(2));
        assertThat(model.compileConfig()).contains(new CompileConfig(new CrossEntropy(), List.of(Metric.topK(2))));
    }
}
