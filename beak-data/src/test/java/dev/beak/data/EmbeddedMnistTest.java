package dev.beak.data;

import dev.beak.dataset.TensorDataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmbeddedMnistTest {
    @Test
    void trainHas8000DigitsInRange() {
        TensorDataset train = EmbeddedMnist.train();
        assertThat(train.x().shape()).containsExactly(8000, 1, 28, 28);
        assertThat(train.y().shape()).containsExactly(8000);
        assertRanges(train);
        // Stable content: the first labels and the first image's pixel sum (27920 / 255).
        assertThat(java.util.Arrays.copyOf(train.y().data(), 10)).containsExactly(5, 4, 2, 2, 5, 9, 8, 9, 5, 7);
        assertThat(sum(train.x().data(), 0, 784)).isCloseTo(27920 / 255.0, within(1e-3));
    }

    @Test
    void testHas2000DigitsInRange() {
        TensorDataset test = EmbeddedMnist.test();
        assertThat(test.x().shape()).containsExactly(2000, 1, 28, 28);
        assertThat(test.y().shape()).containsExactly(2000);
        assertRanges(test);
        assertThat(java.util.Arrays.copyOf(test.y().data(), 10)).containsExactly(7, 0, 4, 9, 3, 1, 3, 4, 2, 7);
        assertThat(sum(test.x().data(), 0, 784)).isCloseTo(26458 / 255.0, within(1e-3));
    }

    @Test
    void callsShareNoData() {
        assertThat(EmbeddedMnist.test().x().data()).isNotSameAs(EmbeddedMnist.test().x().data());
    }

    @Test
    void noticeNamesTheSourceAndLicence() {
        assertThat(EmbeddedMnist.notice()).contains("mnist-10k", "MIT");
    }

    private static void assertRanges(TensorDataset d) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : d.x().data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
        int[] perClass = new int[10];
        for (float label : d.y().data()) {
            assertThat(label).isBetween(0f, 9f).isEqualTo((float) Math.round(label));
            perClass[(int) label]++;
        }
        assertThat(java.util.Arrays.stream(perClass).min().orElse(0)).as("smallest class count").isPositive();
    }

    private static double sum(float[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += a[i];
        return s;
    }
}
