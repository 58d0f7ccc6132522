package dev.beak.nn.layer;

import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RandomStreamTest {
    @Test
    void eachDrawDependsOnlyOnSeedAndDrawNumber() {
        RandomStream a = new RandomStream(42), b = new RandomStream(42);
        long first = a.next().nextLong(), second = a.next().nextLong();
        assertThat(second).isNotEqualTo(first);
        assertThat(b.next().nextLong()).isEqualTo(first);
        RandomStream c = new RandomStream(7);
        c.seek(new RandomStream.Position(42, 1));
        assertThat(c.next().nextLong()).isEqualTo(second);
        assertThat(c.position()).isEqualTo(new RandomStream.Position(42, 2));
        assertThat(new RandomStream(43).next().nextLong()).isNotEqualTo(first);
    }

    private static Model dropoutNet() {
        return Sequential.of(Layers.dropout(0.5f)).seed(3).withInputShape(64);
    }

    @Test
    void dropoutMasksRepeatForASeedAndResumeFromAPosition() {
        Tensor x = Tensor.of(filled(64), 1, 64);
        Model a = dropoutNet(), b = dropoutNet();
        float[] a1 = a.forward(x, true).data().clone(), a2 = a.forward(x, true).data().clone();
        assertThat(a2).isNotEqualTo(a1);
        assertThat(b.forward(x, true).data()).containsExactly(a1);
        assertThat(a.randomStreams()).containsOnlyKeys("dropout.masks");
        assertThat(a.randomStreams().get("dropout.masks").position().draws()).isEqualTo(2);
        assertThat(a.forward(x, false).data()).containsExactly(x.data()); // evaluation draws nothing
        assertThat(a.randomStreams().get("dropout.masks").position().draws()).isEqualTo(2);

        Model c = dropoutNet();
        c.randomStreams().get("dropout.masks").seek(new RandomStream.Position(a.randomStreams().get("dropout.masks").position().seed(), 1));
        assertThat(c.forward(x, true).data()).containsExactly(a2);
    }

    private static float[] filled(int n) {
        float[] f = new float[n];
        Arrays.fill(f, 1f);
        return f;
    }
}
