package dev.beak.examples.seeds;

import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The transfer example's data split: digits in a label range, at most so many of each, in their order. */
class TransferDigitsTest {
    @Test
    void keepsTheFirstImagesOfEachDigitInTheRange() {
        float[] labels = {5, 1, 6, 5, 9, 5, 6, 4, 0, 6};
        float[] pixels = new float[labels.length * 2];
        for (int i = 0; i < labels.length; i++) pixels[2 * i] = pixels[2 * i + 1] = i;
        TensorDataset d = new TensorDataset(Tensor.of(pixels, labels.length, 1, 2), Tensor.of(labels, labels.length));

        TensorDataset small = TransferDigits.digits(d, 5, 9, 2);
        assertThat(small.y().data()).containsExactly(5, 6, 5, 9, 6);
        assertThat(small.x().data()).containsExactly(0, 0, 2, 2, 3, 3, 4, 4, 6, 6);
        assertThat(small.sampleShape()).containsExactly(1, 2);
        assertThat(TransferDigits.digits(d, 0, 4, Integer.MAX_VALUE).y().data()).containsExactly(1, 4, 0);
    }
}
