package dev.beak.nn.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MostConfusedTest {
    @Test
    void theLargestOffDiagonalCellWinsAndTheDiagonalNeverCounts() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        for (int i = 0; i < 9; i++) m.add(0, 0);  // the largest cell, but on the diagonal
        for (int i = 0; i < 2; i++) m.add(0, 1);
        for (int i = 0; i < 3; i++) m.add(2, 1);
        m.add(1, 0);
        assertThat(m.mostConfused()).isEqualTo(new ConfusionMatrix.Confusion(2, 1, 3));
    }

    @Test
    void tiesGoToTheFirstCellAndAPerfectMatrixHasNone() {
        ConfusionMatrix m = new ConfusionMatrix(3).add(1, 2).add(2, 0).add(1, 1);
        assertThat(m.mostConfused()).isEqualTo(new ConfusionMatrix.Confusion(1, 2, 1));
        assertThat(new ConfusionMatrix(2).add(0, 0).add(1, 1).mostConfused()).isEqualTo(new ConfusionMatrix.Confusion(0, 0, 0));
    }
}
