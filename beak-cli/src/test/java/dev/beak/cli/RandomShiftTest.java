package dev.beak.cli;

import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RandomShiftTest {
    /** One 5x5 image holding a single bright pixel in the centre. */
    private static TensorDataset dot() {
        float[] x = new float[25];
        x[12] = 1f;
        return new TensorDataset(Tensor.of(x, 1, 1, 5, 5), Tensor.of(new float[] {3}, 1));
    }

    @Test
    void movesThePixelWithinTheRangeAndKeepsTheLabel() {
        RandomShift shift = new RandomShift(dot(), 2, 7);
        boolean moved = false;
        for (int t = 0; t < 50; t++) {
            float[] x = new float[25], y = new float[1];
            shift.copy(0, x, 0, y, 0);
            assertThat(y[0]).isEqualTo(3f);
            int at = -1;
            for (int i = 0; i < 25; i++) if (x[i] == 1f) at = i;
            assertThat(at).as("the dot stays inside a centred 5x5 image when shifted by at most 2").isNotNegative();
            double sum = 0;
            for (float v : x) sum += v;
            assertThat(sum).isEqualTo(1.0);
            moved |= at != 12;
        }
        assertThat(moved).isTrue();
    }

    @Test
    void sameSeedSameShifts() {
        RandomShift a = new RandomShift(dot(), 2, 1), b = new RandomShift(dot(), 2, 1);
        for (int t = 0; t < 10; t++) {
            float[] xa = new float[25], xb = new float[25], y = new float[1];
            a.copy(0, xa, 0, y, 0);
            b.copy(0, xb, 0, y, 0);
            assertThat(xa).containsExactly(xb);
        }
    }
}
