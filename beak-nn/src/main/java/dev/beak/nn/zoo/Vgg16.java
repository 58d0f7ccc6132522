package dev.beak.nn.zoo;

import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

import java.util.ArrayList;
import java.util.List;

/**
 * VGG16 (Simonyan and Zisserman, 2015, "Very Deep Convolutional Networks for Large-Scale Image
 * Recognition", configuration D): 13 convolutions 3x3 same + ReLU in five blocks (64, 64 / 128, 128 /
 * 256 x3 / 512 x3 / 512 x3), a 2x2 max pool after each block, then Dense 4096 + ReLU, Dense 4096 + ReLU
 * and Dense {@code classes} (logits). Input (3, 224, 224); 138,357,544 parameters for 1000 classes.
 *
 * {@snippet :
 * Model vgg = Vgg16.network(1000).withInputShape(Vgg16.input());
 * }
 */
public final class Vgg16 {
    private static final int[][] BLOCKS = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};

    private Vgg16() {}

    public static Sequential network(int classes) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int[] block : BLOCKS) {
            for (int filters : block) {
                layers.add(Layers.conv2d(filters, 3).withPadding(Padding.SAME).withActivation(Activation.RELU));
            }
            layers.add(Layers.maxPool2d(2));
        }
        layers.add(Layers.flatten());
        layers.add(Layers.dense(4096, Activation.RELU));
        layers.add(Layers.dense(4096, Activation.RELU));
        layers.add(Layers.dense(classes));
        return Sequential.of(layers.toArray(LayerSpec[]::new)).named("vgg16");
    }

    public static int[] input() {
        return new int[] {3, 224, 224};
    }
}
