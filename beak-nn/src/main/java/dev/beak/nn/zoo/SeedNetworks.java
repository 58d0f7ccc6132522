package dev.beak.nn.zoo;

import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

/**
 * The example networks of the seed notes, as Keras wrote them.
 *
 * <ul>
 * <li>{@link #mnist()}: seed 002, the TensorFlow "deep MNIST" CNN: Conv 32 5x5 same + ReLU, MaxPool 2,
 *     Conv 64 5x5 same + ReLU, MaxPool 2, Flatten (3136), Dense 1024 + ReLU, Dropout 0.5, Dense 10
 *     (logits). Input (1, 28, 28).</li>
 * <li>{@link #cifar()}: seed 003, the Keras CIFAR-10 CNN: Conv 32 3x3 + ReLU, MaxPool 2, Conv 64 3x3 +
 *     ReLU, MaxPool 2, Conv 64 3x3 + ReLU, Flatten, Dense 64 + ReLU, Dense 10 (logits). Input (3, 32, 32);
 *     122,570 parameters.</li>
 * </ul>
 */
public final class SeedNetworks {
    private SeedNetworks() {}

    public static Sequential mnist() {
        return Sequential.of(
                Layers.conv2d(32, 5).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.conv2d(64, 5).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.flatten(),
                Layers.dense(1024, Activation.RELU),
                Layers.dropout(0.5f),
                Layers.dense(10)).named("seed002_mnist");
    }

    public static int[] mnistInput() {
        return new int[] {1, 28, 28};
    }

    public static Sequential cifar() {
        return Sequential.of(
                Layers.conv2d(32, 3).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.conv2d(64, 3).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.conv2d(64, 3).withActivation(Activation.RELU),
                Layers.flatten(),
                Layers.dense(64, Activation.RELU),
                Layers.dense(10)).named("seed003_cifar");
    }

    public static int[] cifarInput() {
        return new int[] {3, 32, 32};
    }
}
