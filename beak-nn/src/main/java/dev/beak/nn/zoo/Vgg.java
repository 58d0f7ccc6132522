package dev.beak.nn.zoo;

import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The VGG family (Simonyan and Zisserman, 2015, "Very Deep Convolutional Networks for Large-Scale
 * Image Recognition", configurations A, B, D and E as VGG-11, 13, 16 and 19) in torchvision's layout:
 * 3x3 convolutions pad 1 (each followed by batch norm in the {@link Norm#BATCH_NORM} variants, then
 * ReLU) in five blocks, a 2x2 max pool after each, then Dense 4096 + ReLU, Dropout 0.5, Dense 4096 +
 * ReLU, Dropout 0.5, Dense {@code classes}. torchvision's adaptive average pool to 7x7 is left out: it
 * does nothing at 224x224. Parameters for 1000 classes: VGG-11 132,863,336, VGG-13 133,047,848,
 * VGG-16 138,357,544, VGG-19 143,667,240; with batch norm 2 per channel more (VGG-16-BN 138,365,992).
 */
public final class Vgg {
    /** Whether a batch norm follows each convolution. */
    public enum Norm { NONE, BATCH_NORM }

    /** Filters per convolution in each block; 0 stands for the block's max pool. */
    private static final Map<Integer, int[]> CONFIGS = Map.of(
            11, new int[] {64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0},
            13, new int[] {64, 64, 0, 128, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0},
            16, new int[] {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0},
            19, new int[] {64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0, 512, 512, 512, 512, 0});

    private Vgg() {}

    /** VGG-{@code depth} (11, 13, 16 or 19). */
    public static Model network(int depth, Norm norm, NetworkOptions o) {
        int[] config = CONFIGS.get(depth);
        if (config == null) throw new IllegalArgumentException("VGG comes in depths 11, 13, 16 and 19, not " + depth);
        List<LayerSpec> layers = new ArrayList<>();
        for (int filters : config) {
            if (filters == 0) {
                layers.add(Layers.maxPool2d(2));
            } else if (norm == Norm.NONE) {
                layers.add(Layers.conv2d(o.channels(filters), 3).withPadding(Padding.of(1)).withActivation(Activation.RELU));
            } else {
                layers.add(Layers.conv2d(o.channels(filters), 3).withPadding(Padding.of(1)));
                layers.add(Layers.batchNorm2d());
                layers.add(Layers.relu());
            }
        }
        layers.addAll(List.of(Layers.flatten(),
                Layers.dense(o.channels(4096), Activation.RELU), Layers.dropout(0.5f),
                Layers.dense(o.channels(4096), Activation.RELU), Layers.dropout(0.5f),
                Layers.dense(o.classes())));
        String name = "vgg" + depth + (norm == Norm.NONE ? "" : "-bn");
        return Sequential.of(layers.toArray(LayerSpec[]::new)).named(name).seed(o.seed()).lazy();
    }
}
