package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutogradTest {
    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Tensor x = Tensor.of(new float[] {1, -2, 3}, 3).requiringGrad();
        Ops.sum(Ops.mul(x, x)).backward();
        Ops.sum(Ops.mul(x, x)).backward();
        assertThat(x.grad().data()).containsExactly(4, -8, 12);
        x.zeroGrad();
        assertThat(x.grad().data()).containsExactly(0, 0, 0);
    }

    @Test
    void aTensorUsedTwiceGetsBothContributions() {
        Tensor x = Tensor.of(new float[] {2}, 1).requiringGrad();
        Tensor y = Ops.add(Ops.mul(x, x), x);  // y = x^2 + x, dy/dx = 2x + 1
        Ops.sum(y).backward();
        assertThat(x.grad().item()).isEqualTo(5f);
    }

    @Test
    void intermediateActivationsAndInputsGetGradients() {
        Tensor x = Tensor.of(new float[] {-1, 2}, 1, 2).requiringGrad();
        Tensor h = Ops.relu(x);
        Ops.sum(Ops.mul(h, h)).backward();
        assertThat(h.grad().data()).containsExactly(0, 4);
        assertThat(x.grad().data()).containsExactly(0, 4);
    }

    @Test
    void noGradScopeRecordsNothingAndRestoresState() {
        Tensor x = Tensor.of(new float[] {1}, 1).requiringGrad();
        Tensor y;
        try (var scope = Autograd.noGrad()) {
            y = Ops.relu(x);
            assertThat(Autograd.isEnabled()).isFalse();
        }
        assertThat(Autograd.isEnabled()).isTrue();
        assertThat(y.node()).isNull();
        assertThat(y.requiresGrad()).isFalse();
        assertThatThrownBy(() -> Ops.sum(y).backward()).hasMessageContaining("does not require a gradient");
    }

    @Test
    void deepChainsDoNotOverflowTheStack() {
        Tensor x = Tensor.of(new float[] {1}, 1).requiringGrad();
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) y = Ops.reshape(y, 1);
        Ops.sum(y).backward();
        assertThat(x.grad().item()).isEqualTo(1f);
    }
}
