package dev.beak.nn.train;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingChecksTest {
    private static final Model THREE_CLASSES = Sequential.of(Layers.flatten(), Layers.dense(3)).named("tiny").seed(1).withInputShape(1, 4, 4);

    private static TensorDataset labelled(float... labels) {
        return new TensorDataset(Tensor.zeros(labels.length, 1, 4, 4), Tensor.of(labels, labels.length));
    }

    @Test
    void classCountIsTheLargestIndexPlusOneOrTheOneHotWidth() {
        assertThat(TrainingChecks.classCount(labelled(0, 2, 1, 2))).isEqualTo(3);
        assertThat(TrainingChecks.classCount(labelled(4))).isEqualTo(5);
        TensorDataset oneHot = new TensorDataset(Tensor.zeros(2, 1, 4, 4), Tensor.zeros(2, 7));
        assertThat(TrainingChecks.classCount(oneHot)).isEqualTo(7);
    }

    @Test
    void moreClassesThanOutputsPointsAtTransferLearning() {
        assertThatCode(() -> TrainingChecks.checkClasses(THREE_CLASSES, labelled(0, 1, 2))).doesNotThrowAnyException();
        assertThatThrownBy(() -> TrainingChecks.checkClasses(THREE_CLASSES, labelled(0, 3)))
                .hasMessage("the data has 4 classes but model tiny has 3 outputs; to put a new classifier on its base: "
                        + "beak train --base MODEL [--cut LAYER] --head SPEC");
    }

    @Test
    void anInputOfAnotherShapeNamesBothShapes() {
        assertThatCode(() -> TrainingChecks.checkInput(THREE_CLASSES, new int[] {1, 4, 4}, "test")).doesNotThrowAnyException();
        assertThatThrownBy(() -> TrainingChecks.checkInput(THREE_CLASSES, new int[] {3, 4, 4}, "test"))
                .hasMessage("the test images are (3, 4, 4) but model tiny takes (1, 4, 4) (channels, height, width)");
    }
}
