package dev.beak.nn.zoo;

import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Conv2d;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

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

    /**
     * VGG-{@code depth} (11, 13, 16 or 19), not built yet. Layers are named as in the CS231n notes:
     * {@code conv1_1} (with its ReLU; or {@code conv1_1}, {@code bn1_1}, {@code relu1_1}), ..., {@code pool1},
     * ..., {@code fc6}, {@code drop6}, {@code fc7}, {@code drop7}, {@code fc8}.
     */
    public static Model network(int depth, Norm norm, NetworkOptions o) {
        int[] config = CONFIGS.get(depth);
        if (config == null) throw new IllegalArgumentException("VGG comes in depths 11, 13, 16 and 19, not " + depth);
        SymbolicTensor in = Functional.input(o.inputShape()), x = in;
        int block = 1, conv = 1;
        for (int filters : config) {
            String id = block + "_" + conv;
            if (filters == 0) {
                x = x.then("pool" + block++, Layers.maxPool2d(2));
                conv = 1;
                continue;
            }
            conv++;
            Conv2d c = Layers.conv2d(o.channels(filters), 3).withPadding(Padding.of(1));
            x = norm == Norm.NONE ? x.then("conv" + id, c.withActivation(Activation.RELU))
                    : x.then("conv" + id, c).then("bn" + id, Layers.batchNorm2d()).then("relu" + id, Layers.relu());
        }
        SymbolicTensor out = x.then("flatten", Layers.flatten())
                .then("fc6", Layers.dense(o.channels(4096), Activation.RELU)).then("drop6", Layers.dropout(0.5f))
                .then("fc7", Layers.dense(o.channels(4096), Activation.RELU)).then("drop7", Layers.dropout(0.5f))
                .then("fc8", Layers.dense(o.classes()));
        return Functional.lazyModel("vgg" + depth + (norm == Norm.NONE ? "" : "-bn"), List.of(in), List.of(out), o.seed());
    }
}
