package dev.beak.tensor;

import dev.beak.ops.Ops;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceTest {
    @Test
    void outsideAScopeBuffersAreFresh() {
        assertThat(Workspace.active()).isFalse();
        float[] a = Workspace.floats(8), b = Workspace.floats(8);
        assertThat(a).isNotSameAs(b);
    }

    @Test
    void buffersAreReusedOnlyAfterTheirScopeCloses() {
        float[] first;
        try (var s = Workspace.open()) {
            first = Workspace.floats(100);
            Set<Object> live = Collections.newSetFromMap(new IdentityHashMap<>());
            live.add(first);
            // Every buffer handed out while the scope is open is distinct from every other live one.
            for (int i = 0; i < 50; i++) assertThat(live.add(Workspace.floats(100))).isTrue();
        }
        try (var s = Workspace.open()) {
            float[] again = Workspace.zeros(100);
            assertThat(again).containsOnly(0f);
            assertThat(Workspace.ints(100)).isNotNull().hasSize(100);
        }
        Workspace.trim();
    }

    @Test
    void anInnerScopeReturnsOnlyItsOwnBuffers() {
        try (var outer = Workspace.open()) {
            float[] kept = Workspace.floats(64);
            java.util.Arrays.fill(kept, 7f);
            float[] inner;
            try (var in = Workspace.open()) {
                inner = Workspace.floats(64);
            }
            // The inner buffer is free again; the outer one is still taken and untouched.
            float[] next = Workspace.floats(64);
            assertThat(next).isSameAs(inner).isNotSameAs(kept);
            java.util.Arrays.fill(next, -1f);
            assertThat(kept).containsOnly(7f);
        }
        Workspace.trim();
    }

    @Test
    void outOfOrderCloseIsAnError() {
        Workspace outer = Workspace.open();
        Workspace.floats(3);
        Workspace inner = Workspace.open();
        Workspace.floats(3);
        // Closing the outer scope first releases the inner one's buffers too; the inner close then fails.
        outer.close();
        assertThatThrownBy(inner::close).isInstanceOf(IllegalStateException.class);
        assertThat(Workspace.active()).isFalse();
        Workspace.trim();
    }

    @Test
    void parametersNeverTakeGradientsFromThePool() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor w = Tensor.randn(rng, 4, 3).requiringGrad(), x = Tensor.randn(rng, 2, 4);
        float[] grad;
        try (var s = Workspace.open()) {
            Tensor loss = Ops.sum(Ops.relu(Ops.dense(x, w, null)));
            loss.backward();
            grad = w.gradBuffer().clone();
        }
        try (var s = Workspace.open()) {
            // Reusing every pooled buffer must leave the parameter's gradient alone.
            for (int i = 0; i < 10; i++) java.util.Arrays.fill(Workspace.floats(12), 99f);
            java.util.Arrays.fill(Workspace.floats(8), 99f);
        }
        assertThat(w.gradBuffer()).containsExactly(grad);
        Workspace.trim();
    }
}
