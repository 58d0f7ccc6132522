package dev.beak.tensor;

import dev.beak.ops.Ops;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tensor computed inside a workspace scope must fail loudly when read after the scope closed, not read recycled numbers. */
class WorkspaceUseAfterCloseTest {
    @Test
    void readingAResultAfterItsScopeClosedThrows() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor kept, copied;
        try (var scope = Workspace.open()) {
            kept = Ops.relu(Ops.add(a, a));
            copied = kept.copy();
            assertThat(kept.data()).containsExactly(2, 4, 6, 8);
        }
        try (var next = Workspace.open()) {
            Ops.relu(Ops.add(a, a));   // takes the recycled arrays
            assertThatThrownBy(kept::data).isInstanceOf(IllegalStateException.class).hasMessageContaining("Workspace scope that has closed");
            assertThatThrownBy(() -> kept.view(4).data()).isInstanceOf(IllegalStateException.class);
        }
        assertThat(copied.data()).containsExactly(2, 4, 6, 8);
        assertThat(a.data()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void resultsOfAnOuterScopeStayReadableAfterAnInnerOneCloses() {
        Tensor a = Tensor.of(new float[] {1, -2}, 2);
        try (var outer = Workspace.open()) {
            Tensor x = Ops.relu(a);
            try (var inner = Workspace.open()) {
                Ops.relu(x);
            }
            assertThat(x.data()).containsExactly(1, 0);
            assertThat(Ops.relu(a).data()).containsExactly(1, 0);
        }
    }

    @Test
    void tensorsMadeOutsideAnyScopeNeverExpire() {
        Tensor y = Ops.relu(Tensor.of(new float[] {-1, 1}, 2));
        try (var scope = Workspace.open()) {
            Ops.relu(y);
        }
        assertThat(y.data()).containsExactly(0, 1);
    }
}
