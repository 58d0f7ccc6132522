package dev.beak.nn.train;

import dev.beak.dataset.Dataset;
import dev.beak.nn.Model;
import dev.beak.tensor.Shape;

import java.util.Arrays;

/**
 * Checks made before a model meets data, each failing with one message that names the model, what the
 * data holds and what the model expects (and the way out where there is one).
 *
 * {@snippet :
 * TrainingChecks.checkInput(model, test.sampleShape(), "test");   // "the test images are 3x32x32 but model mnist takes 1x28x28 ..."
 * TrainingChecks.checkClasses(model, train);
 * }
 */
public final class TrainingChecks {
    private TrainingChecks() {}

    /** Fails when samples of {@code sampleShape} do not fit the model's input; {@code what} names the data ("training", "test"). */
    public static void checkInput(Model model, int[] sampleShape, String what) {
        int[] expected = model.inputShape();
        if (expected != null && !Arrays.equals(expected, sampleShape)) {
            throw new IllegalArgumentException("the " + what + " images are " + Shape.toString(sampleShape) + " but model " + model.name()
                    + " takes " + Shape.toString(expected) + " (channels, height, width)");
        }
    }

    /** Fails, pointing at transfer learning, when labelled data has more classes than the model has outputs. */
    public static void checkClasses(Model model, Dataset data) {
        int[] out = model.outputShape();
        if (out.length != 1 || data.labelShape().length > 1 || (data.labelShape().length == 1 && data.labelShape()[0] > 1)) return;
        int classes = classCount(data);
        if (classes > out[0]) {
            throw new IllegalArgumentException("the data has " + classes + " classes but model " + model.name() + " has " + out[0]
                    + " outputs; to put a new classifier on its base: beak train --base MODEL [--cut LAYER] --head SPEC");
        }
    }

    /** How many classes labelled data holds: the width of one-hot labels, else the largest class index + 1. */
    public static int classCount(Dataset data) {
        int[] ls = data.labelShape();
        if (ls.length == 1 && ls[0] > 1) return ls[0];
        float[] y = new float[Shape.size(ls)], x = new float[Shape.size(data.sampleShape())];
        int max = 0;
        for (int i = 0; i < data.size(); i++) {
            data.copy(i, x, 0, y, 0);
            max = Math.max(max, (int) y[0]);
        }
        return max + 1;
    }
}
