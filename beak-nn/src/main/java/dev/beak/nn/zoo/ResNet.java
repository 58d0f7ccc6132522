package dev.beak.nn.zoo;

import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Add;
import dev.beak.nn.layer.Conv2d;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Residual networks (He et al., 2016, "Deep Residual Learning for Image Recognition") in
 * torchvision's layout: convolutions without bias, each followed by a normalisation layer.
 * The normalisation (batch norm) and the global average pooling are given as factories, so the
 * builder does not depend on which layers exist: {@code ResNet.resnet18(1000, Layers::batchNorm, ...)}.
 *
 * <p>ResNet-18, input (3, 224, 224): conv 7x7/2 64, norm, ReLU, max pool 3x3/2 (pad 1) to
 * (64, 56, 56); four stages of two basic blocks with 64, 128, 256, 512 filters (stages 2-4 start with
 * stride 2 and a 1x1/2 projection shortcut) to (512, 7, 7); global average pool, Flatten, Dense.
 * With 1000 classes and a norm layer of 2C parameters: 11,689,512 parameters, as torchvision.
 *
 * <p>{@link #network} builds the whole family with batch norm, unbuilt: ResNet-18 and 34 of basic
 * blocks; ResNet-50, 101 and 152 of bottleneck blocks (1x1 reduce, 3x3 with the stride, as torchvision's
 * "v1.5", 1x1 expand to 4x), stages of 3-4-6-3, 3-4-23-3 and 3-8-36-3 blocks. Parameters for 1000
 * classes: 11,689,512, 21,797,672, 25,557,032, 44,549,160 and 60,192,808.
 */
public final class ResNet {
    private static final Map<Integer, int[]> STAGES = Map.of(18, new int[] {2, 2, 2, 2}, 34, new int[] {3, 4, 6, 3},
            50, new int[] {3, 4, 6, 3}, 101, new int[] {3, 4, 23, 3}, 152, new int[] {3, 8, 36, 3});

    private ResNet() {}

    /** ResNet-{@code depth} (18, 34, 50, 101 or 152) with batch norm, not built yet; the width scales the 64 base filters. */
    public static Model network(int depth, NetworkOptions o) {
        int[] blocks = STAGES.get(depth);
        if (blocks == null) throw new IllegalArgumentException("ResNet comes in depths 18, 34, 50, 101 and 152, not " + depth);
        Supplier<LayerSpec> norm = Layers::batchNorm2d;
        SymbolicTensor in = Functional.input(o.inputShape());
        SymbolicTensor x = in.then("conv1", Layers.conv2d(o.channels(64), 7).withStride(2).withPadding(Padding.of(3)).withBias(false))
                .then("bn1", norm.get()).then("relu", Layers.relu())
                .then("maxpool", Layers.maxPool2d(3).withStride(2).withPadding(Padding.of(1)));
        for (int s = 0; s < blocks.length; s++) {
            int filters = o.channels(64 << s), stride = s > 0 ? 2 : 1;
            for (int b = 0; b < blocks[s]; b++) {
                String name = "layer" + (s + 1) + "." + b;
                x = depth < 50 ? basicBlock(name, x, filters, b == 0 ? stride : 1, norm) : bottleneck(name, x, filters, b == 0 ? stride : 1, norm);
            }
        }
        SymbolicTensor out = x.then("avgpool", Layers.globalAvgPool()).then("fc", Layers.dense(o.classes()));
        return Functional.lazyModel("resnet" + depth, List.of(in), List.of(out), o.seed());
    }

    /**
     * conv 1x1 {@code filters}, norm, ReLU, conv 3x3/stride, norm, ReLU, conv 1x1 {@code 4 * filters},
     * norm; plus the shortcut (projected by a 1x1/stride conv and norm when the shape changes); then ReLU.
     */
    public static SymbolicTensor bottleneck(String name, SymbolicTensor x, int filters, int stride, Supplier<? extends LayerSpec> norm) {
        int out = 4 * filters;
        SymbolicTensor h = x.then(name + ".conv1", Layers.conv2d(filters, 1).withBias(false)).then(name + ".bn1", norm.get())
                .then(name + ".relu1", Layers.relu())
                .then(name + ".conv2", conv3x3(filters, stride)).then(name + ".bn2", norm.get()).then(name + ".relu2", Layers.relu())
                .then(name + ".conv3", Layers.conv2d(out, 1).withBias(false)).then(name + ".bn3", norm.get());
        SymbolicTensor shortcut = x;
        if (stride != 1 || x.shape()[0] != out) {
            shortcut = x.then(name + ".downsample.0", Layers.conv2d(out, 1).withStride(stride).withBias(false))
                    .then(name + ".downsample.1", norm.get());
        }
        return Functional.apply(name + ".add", new Add(), h, shortcut).then(name + ".relu3", Layers.relu());
    }

    /** ResNet-18 for (3, 224, 224) inputs. */
    public static Model resnet18(int classes, Supplier<? extends LayerSpec> norm, Supplier<? extends LayerSpec> globalAveragePool) {
        return resnet("resnet18", new int[] {2, 2, 2, 2}, classes, norm, globalAveragePool, new int[] {3, 224, 224});
    }

    /** ResNet-34 for (3, 224, 224) inputs: stages of 3, 4, 6, 3 basic blocks (21,797,672 parameters with 1000 classes). */
    public static Model resnet34(int classes, Supplier<? extends LayerSpec> norm, Supplier<? extends LayerSpec> globalAveragePool) {
        return resnet("resnet34", new int[] {3, 4, 6, 3}, classes, norm, globalAveragePool, new int[] {3, 224, 224});
    }

    /** A ResNet of basic blocks with {@code blocks[s]} blocks in stage s, for the given input shape. */
    public static Model resnet(String name, int[] blocks, int classes, Supplier<? extends LayerSpec> norm,
                               Supplier<? extends LayerSpec> globalAveragePool, int[] inputShape) {
        SymbolicTensor in = Functional.input(inputShape);
        SymbolicTensor x = in.then("conv1", Layers.conv2d(64, 7).withStride(2).withPadding(Padding.of(3)).withBias(false))
                .then("bn1", norm.get()).then("relu", Layers.relu())
                .then("maxpool", Layers.maxPool2d(3).withStride(2).withPadding(Padding.of(1)));
        for (int s = 0; s < blocks.length; s++) {
            int filters = 64 << s;
            for (int b = 0; b < blocks[s]; b++) {
                x = basicBlock("layer" + (s + 1) + "." + b, x, filters, s > 0 && b == 0 ? 2 : 1, norm);
            }
        }
        SymbolicTensor out = x.then("avgpool", globalAveragePool.get()).then("flatten", Layers.flatten()).then("fc", Layers.dense(classes));
        return Functional.model(name, List.of(in), List.of(out), 0);
    }

    /**
     * conv 3x3/stride, norm, ReLU, conv 3x3, norm; plus the shortcut (the input, or a 1x1/stride conv
     * and norm when the shape changes); then ReLU. Layers are named {@code name.conv1}, {@code name.bn1}, ...
     */
    public static SymbolicTensor basicBlock(String name, SymbolicTensor x, int filters, int stride, Supplier<? extends LayerSpec> norm) {
        SymbolicTensor h = x.then(name + ".conv1", conv3x3(filters, stride)).then(name + ".bn1", norm.get())
                .then(name + ".relu1", Layers.relu())
                .then(name + ".conv2", conv3x3(filters, 1)).then(name + ".bn2", norm.get());
        SymbolicTensor shortcut = x;
        if (stride != 1 || x.shape()[0] != filters) {
            shortcut = x.then(name + ".downsample.0", Layers.conv2d(filters, 1).withStride(stride).withBias(false))
                    .then(name + ".downsample.1", norm.get());
        }
        return Functional.apply(name + ".add", new Add(), h, shortcut).then(name + ".relu2", Layers.relu());
    }

    private static Conv2d conv3x3(int filters, int stride) {
        return Layers.conv2d(filters, 3).withStride(stride).withPadding(Padding.of(1)).withBias(false);
    }
}
