package dev.beak.nn.optim;

import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saving an optimizer's state by parameter name and loading it into a fresh one continues the same steps. */
class OptimizerStateTest {
    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("Adam", (Supplier<Optimizer>) () -> new Adam(1e-2)),
                Arguments.of("AdamW", (Supplier<Optimizer>) () -> new AdamW(1e-2, 0.1)),
                Arguments.of("Sgd", (Supplier<Optimizer>) () -> new Sgd(0.05, 0.9, true)),
                Arguments.of("RmsProp", (Supplier<Optimizer>) () -> new RmsProp(1e-2, 0.9, 1e-8, 0.5, true)),
                Arguments.of("Adagrad", (Supplier<Optimizer>) () -> new Adagrad(0.05)),
                Arguments.of("Adadelta", (Supplier<Optimizer>) () -> new Adadelta()));
    }

    private static Model model() {
        return Sequential.of(Layers.dense(6, Activation.RELU), Layers.dense(3)).seed(4).withInputShape(5)
                .compile(new Sgd(1), new CrossEntropy());
    }

    private static final Tensor X = Tensor.randn(new SplittableRandom(9), 8, 5);
    private static final Tensor Y = Tensor.of(new float[] {0, 1, 2, 0, 1, 2, 0, 1}, 8);

    /** One step on the fixed batch. */
    private static void step(Model m, Optimizer opt) {
        m.parameters().values().forEach(Tensor::zeroGrad);
        new CrossEntropy().compute(m.forward(X, true), Y).backward();
        opt.stepGroups(m.parameterGroups());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void restoredStateGivesTheSameNextSteps(String name, Supplier<Optimizer> make) {
        Model a = model();
        Optimizer first = make.get();
        for (int i = 0; i < 3; i++) step(a, first);
        OptimizerState saved = first.saveState(a.parameters()).copy();
        assertThat(saved.optimizer()).isEqualTo(name);
        assertThat(saved.buffers()).isNotEmpty().allSatisfy((k, t) -> assertThat(k).startsWith("dense"));

        Model b = model();
        a.parameters().forEach((k, t) -> System.arraycopy(t.data(), 0, b.parameters().get(k).data(), 0, t.size()));
        Optimizer second = make.get();
        second.loadState(saved, b.parameters());
        for (int i = 0; i < 2; i++) {
            step(a, first);
            step(b, second);
        }
        a.parameters().forEach((k, t) -> assertThat(b.parameters().get(k).data()).as(k).containsExactly(t.data()));

        // Without the state the fresh optimizer takes other steps: the test can fail.
        Model c = model();
        Optimizer fresh = make.get();
        for (int i = 0; i < 3; i++) step(c, make.get());
        step(c, fresh);
        step(c, fresh);
        assertThat(c.parameters().get("dense.weight").data()).isNotEqualTo(a.parameters().get("dense.weight").data());
    }

    @Test
    void adamSavesMomentsAndStepCountsByParameterName() {
        Model m = model();
        Adam adam = new Adam(1e-2);
        step(m, adam);
        step(m, adam);
        OptimizerState s = adam.saveState(m.parameters());
        assertThat(s.buffers().keySet()).containsExactlyInAnyOrder("dense.weight.m", "dense.weight.v", "dense.bias.m", "dense.bias.v",
                "dense_1.weight.m", "dense_1.weight.v", "dense_1.bias.m", "dense_1.bias.v");
        assertThat(s.steps()).containsEntry("dense.weight", 2).hasSize(4);
    }

    @Test
    void mismatchesAreNamed() {
        Model m = model();
        Adam adam = new Adam(1e-2);
        step(m, adam);
        OptimizerState s = adam.saveState(m.parameters()).copy();
        assertThatThrownBy(() -> new Sgd(0.1, 0.9).loadState(s, m.parameters()))
                .hasMessageContaining("saved by Adam, not by Sgd");
        Map<String, Tensor> renamed = Map.of("other.weight", m.parameters().get("dense.weight"));
        assertThatThrownBy(() -> new Adam(1e-2).loadState(s, renamed)).hasMessageContaining("matches no parameter");
        Model wider = Sequential.of(Layers.dense(7, Activation.RELU), Layers.dense(3)).seed(4).withInputShape(5);
        assertThatThrownBy(() -> new Adam(1e-2).loadState(s, wider.parameters()))
                .hasMessageContaining("dense.weight.m has 30 values but parameter dense.weight has 35");
    }
}
