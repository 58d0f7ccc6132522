package dev.beak.web;

import dev.beak.data.EmbeddedMnist;
import dev.beak.data.image.ColorMode;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.ops.Padding;

import java.util.List;
import java.util.Map;

/** A small MNIST CNN (trained once per test JVM on 2,000 real digits, a few seconds) and a fresh untrained one for fits. */
public final class WebFixtures {
    public static final List<String> DIGITS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    private WebFixtures() {}

    private static final class Holder {
        static final SavedModel VALUE = train();
    }

    /** The trained model with class names and a 28x28 grey geometry (pixels 0..1). */
    public static SavedModel mnist() {
        return Holder.VALUE;
    }

    public static Model untrained(long seed) {
        return Sequential.of(
                Layers.conv2d(8, 5).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.conv2d(16, 5).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.flatten(),
                Layers.dense(10)).named("tiny_mnist").seed(seed).withInputShape(1, 28, 28);
    }

    public static TensorDataset train(int n) {
        return EmbeddedMnist.train().slice(0, n);
    }

    public static TensorDataset test(int n) {
        return EmbeddedMnist.test().slice(0, n);
    }

    private static SavedModel train() {
        Model model = untrained(3);
        model.compile(new Adam(3e-3), new CrossEntropy());
        model.fit(train(2000), FitOptions.epochs(2).batchSize(32).seed(1));
        InputGeometry g = InputGeometry.of(28, 28, ColorMode.GREY, ResizeMode.STRETCH, InputRange.UNIT);
        return new SavedModel(model, Map.of(), Preprocessing.NONE, DIGITS, g, null);
    }
}
