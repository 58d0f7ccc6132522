package dev.beak.nn;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.LearningRateSchedule;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Freezing layers, per-layer learning-rate multipliers and schedules through fit. */
class FineTuningTest {
    private static Map<String, float[]> snapshot(Model m) {
        Map<String, float[]> s = new java.util.LinkedHashMap<>();
        m.parameters().forEach((k, v) -> s.put(k, v.data().clone()));
        return s;
    }

    @Test
    void frozenLayersGetNoGradientAndNoUpdate() {
        Model model = TrainingTest.smallCnn().compile(new Sgd(0.1, 0.9), new CrossEntropy());
        model.build(new int[] {1, 8, 8}).freeze("conv2d");
        Map<String, float[]> before = snapshot(model);
        model.fit(TrainingTest.quadrants(64, 1), FitOptions.epochs(1).batchSize(16));
        assertThat(model.parameters().get("conv2d.weight").data()).containsExactly(before.get("conv2d.weight"));
        assertThat(model.parameters().get("conv2d.weight").hasGrad()).isFalse();
        assertThat(model.parameters().get("dense.weight").data()).isNotEqualTo(before.get("dense.weight"));
        assertThat(model.isTrainable("conv2d")).isFalse();
        assertThat(model.trainableParameters()).containsOnlyKeys("dense.weight", "dense.bias");
        assertThat(model.summary()).contains("Trainable params: 516").contains("Non-trainable params: 80");
        model.unfreeze("conv2d");
        assertThat(model.parameters().get("conv2d.weight").requiresGrad()).isTrue();
    }

    @Test
    void freezeBeforeBuildAndFreezeUpTo() {
        Model model = TrainingTest.smallCnn().freezeUpTo("flatten");
        model.build(new int[] {1, 8, 8});
        assertThat(model.trainableParameters()).containsOnlyKeys("dense.weight", "dense.bias");
        model.freeze("dense");
        assertThatThrownBy(() -> model.compile(new Sgd(0.1), new CrossEntropy()).fit(TrainingTest.quadrants(8, 1), FitOptions.epochs(1)))
                .hasMessageContaining("every layer of model sequential is frozen");
        model.setTrainable("dense", true);
        assertThat(model.isTrainable("dense")).isTrue();
        assertThat(model.isTrainable("conv2d")).isFalse();
        assertThatThrownBy(() -> model.setTrainable("dens", true)).hasMessageContaining("no layer is called \"dens\"");
        assertThatThrownBy(() -> model.freeze("conv3d")).hasMessageContaining("no layer name starts with \"conv3d\"")
                .hasMessageContaining("[conv2d, max_pooling2d, flatten, dropout, dense]");
    }

    @Test
    void learningRateMultiplierScalesTheFirstStep() {
        Tensor x = TrainingTest.quadrants(8, 2).x(), y = TrainingTest.quadrants(8, 2).y();
        Model plain = TrainingTest.smallCnn().build(new int[] {1, 8, 8}), boosted = TrainingTest.smallCnn().build(new int[] {1, 8, 8});
        boosted.setLearningRateMultiplier("dense", 10).setLearningRateMultiplier("conv", 0.5);
        Map<String, float[]> start = snapshot(plain);
        for (Model m : new Model[] {plain, boosted}) {
            Ops.softmaxCrossEntropy(m.forward(x, false), y).backward();
            new Sgd(0.05).stepGroups(m.parameterGroups());
        }
        for (String name : new String[] {"dense.weight", "conv2d.weight"}) {
            float[] s = start.get(name), a = plain.parameters().get(name).data(), b = boosted.parameters().get(name).data();
            double factor = name.startsWith("dense") ? 10 : 0.5;
            for (int i = 0; i < s.length; i++) assertThat((double) b[i] - s[i]).isCloseTo(factor * (a[i] - s[i]), within(1e-6));
        }
    }

    @Test
    void scheduleSetsEachEpochsLearningRateAndIsLogged() {
        Model model = TrainingTest.smallCnn().compile(new Sgd(0.1).schedule(LearningRateSchedule.step(1, 0.5)), new CrossEntropy());
        History h = model.fit(TrainingTest.quadrants(32, 1), FitOptions.epochs(3).batchSize(16));
        assertThat(h.values("learning_rate")).containsExactly(0.1, 0.05, 0.025);
    }
}
