package dev.beak.nn.zoo;

import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.Conv2d;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

import java.util.ArrayList;
import java.util.List;

/**
 * GoogLeNet / Inception v1 (Szegedy et al., 2015, "Going Deeper with Convolutions") in torchvision's
 * layout, whose parameter count it matches: every convolution without bias, then batch norm (epsilon
 * 1e-3) and ReLU; max pools 3/2 in ceil mode; nine Inception modules (3a-5b) whose "5x5" branch is a
 * 3x3 convolution, as in torchvision's weights; global average pool, Dropout 0.2, Dense
 * {@code classes}. Input (3, 224, 224); 6,624,904 parameters for 1000 classes without the auxiliary
 * heads. {@link #withAuxiliaryHeads} adds the paper's two training heads on 4a and 4d (average pool
 * 5x5/3 to 4x4, 1x1 conv 128, Dense 1024 + ReLU, Dropout 0.7, Dense {@code classes}): a model with
 * three outputs (main, aux1, aux2), 13,004,888 parameters as torchvision's {@code aux_logits=True}.
 * The heads need the 4a map to be at least 5x5, so inputs from 144x144.
 *
 * <p>{@link #inception} is the paper's module on its own: four parallel branches over the same input,
 * concatenated over channels, with convolutions with bias, a true 5x5 branch and no batch norm.
 * Shapes: input (N, C, H, W); output (N, c1 + c3 + c5 + poolProjection, H, W). Branches: 1x1 conv;
 * 1x1 reduce then 3x3 conv; 1x1 reduce then 5x5 conv; 3x3 max pool (stride 1, same) then 1x1
 * projection; every conv with ReLU and same padding. Inception (3a) of the paper is
 * {@code inception("inception_3a", x, 64, 96, 128, 16, 32, 32)} on a (192, 28, 28) input.
 */
public final class GoogLeNet {
    /** Per module: name, 1x1, 3x3 reduce, 3x3, "5x5" reduce, "5x5", pool projection. */
    private static final Object[][] MODULES = {
            {"inception3a", 64, 96, 128, 16, 32, 32}, {"inception3b", 128, 128, 192, 32, 96, 64}, null,
            {"inception4a", 192, 96, 208, 16, 48, 64}, {"inception4b", 160, 112, 224, 24, 64, 64},
            {"inception4c", 128, 128, 256, 24, 64, 64}, {"inception4d", 112, 144, 288, 32, 64, 64},
            {"inception4e", 256, 160, 320, 32, 128, 128}, null,
            {"inception5a", 256, 160, 320, 32, 128, 128}, {"inception5b", 384, 192, 384, 48, 128, 128}};

    private GoogLeNet() {}

    /** One Inception module; its layers are named {@code name/1x1}, {@code name/3x3_reduce}, ... */
    public static SymbolicTensor inception(String name, SymbolicTensor x, int c1, int c3Reduce, int c3, int c5Reduce, int c5,
                                           int poolProjection) {
        SymbolicTensor b1 = x.then(name + "/1x1", conv(c1, 1));
        SymbolicTensor b3 = x.then(name + "/3x3_reduce", conv(c3Reduce, 1)).then(name + "/3x3", conv(c3, 3));
        SymbolicTensor b5 = x.then(name + "/5x5_reduce", conv(c5Reduce, 1)).then(name + "/5x5", conv(c5, 5));
        SymbolicTensor bp = x.then(name + "/pool", Layers.maxPool2d(3).withStride(1).withPadding(Padding.SAME))
                .then(name + "/pool_proj", conv(poolProjection, 1));
        return Functional.apply(name + "/output", new Concat(0), b1, b3, b5, bp);
    }

    /** GoogLeNet without the auxiliary heads (one output). */
    public static Model network(NetworkOptions o) {
        return build(o, false);
    }

    /** GoogLeNet with both auxiliary heads: outputs main, aux1 (on 4a), aux2 (on 4d). */
    public static Model withAuxiliaryHeads(NetworkOptions o) {
        return build(o, true);
    }

    private static Model build(NetworkOptions o, boolean aux) {
        SymbolicTensor in = Functional.input(o.inputShape());
        SymbolicTensor x = basicConv("conv1", in, o.channels(64), 7, 2, 3).then("maxpool1", pool(3, 2));
        x = basicConv("conv2", x, o.channels(64), 1, 1, 0);
        x = basicConv("conv3", x, o.channels(192), 3, 1, 1).then("maxpool2", pool(3, 2));
        List<SymbolicTensor> heads = new ArrayList<>();
        int pools = 2;
        for (Object[] m : MODULES) {
            if (m == null) {
                x = x.then("maxpool" + ++pools, pools == 4 ? pool(2, 2) : pool(3, 2));
                continue;
            }
            int[] c = new int[6];
            for (int i = 0; i < 6; i++) c[i] = o.channels((Integer) m[i + 1]);
            x = module((String) m[0], x, c);
            if (aux && (m[0].equals("inception4a") || m[0].equals("inception4d"))) heads.add(auxHead(heads.isEmpty() ? "aux1" : "aux2", x, o));
        }
        SymbolicTensor out = x.then("avgpool", Layers.globalAvgPool()).then("dropout", Layers.dropout(0.2f)).then("fc", Layers.dense(o.classes()));
        List<SymbolicTensor> outs = new ArrayList<>(List.of(out));
        outs.addAll(heads);
        return Functional.lazyModel(aux ? "googlenet-aux" : "googlenet", List.of(in), outs, o.seed());
    }

    /** Four branches (1x1; 1x1 then 3x3; 1x1 then 3x3; max pool 3/1 then 1x1) concatenated over channels. */
    private static SymbolicTensor module(String name, SymbolicTensor x, int[] c) {
        SymbolicTensor b1 = basicConv(name + ".branch1", x, c[0], 1, 1, 0);
        SymbolicTensor b2 = basicConv(name + ".branch2.1", basicConv(name + ".branch2.0", x, c[1], 1, 1, 0), c[2], 3, 1, 1);
        SymbolicTensor b3 = basicConv(name + ".branch3.1", basicConv(name + ".branch3.0", x, c[3], 1, 1, 0), c[4], 3, 1, 1);
        SymbolicTensor b4 = basicConv(name + ".branch4.1", x.then(name + ".branch4.0",
                Layers.maxPool2d(3).withStride(1).withPadding(Padding.of(1)).withCeilMode(true)), c[5], 1, 1, 0);
        return Functional.apply(name + ".concat", new Concat(0), b1, b2, b3, b4);
    }

    private static SymbolicTensor auxHead(String name, SymbolicTensor x, NetworkOptions o) {
        return basicConv(name + ".conv", x.then(name + ".avgpool", Layers.avgPool2d(5).withStride(3)), o.channels(128), 1, 1, 0)
                .then(name + ".flatten", Layers.flatten())
                .then(name + ".fc1", Layers.dense(o.channels(1024), Activation.RELU))
                .then(name + ".dropout", Layers.dropout(0.7f)).then(name + ".fc2", Layers.dense(o.classes()));
    }

    /** Conv (no bias), batch norm (epsilon 1e-3), ReLU: torchvision's BasicConv2d. */
    private static SymbolicTensor basicConv(String name, SymbolicTensor x, int filters, int k, int stride, int pad) {
        return x.then(name + ".conv", Layers.conv2d(filters, k).withStride(stride).withPadding(Padding.of(pad)).withBias(false))
                .then(name + ".bn", Layers.batchNorm2d().withEpsilon(1e-3f)).then(name + ".relu", Layers.relu());
    }

    private static dev.beak.nn.layer.MaxPool2d pool(int k, int stride) {
        return Layers.maxPool2d(k).withStride(stride).withCeilMode(true);
    }

    private static Conv2d conv(int filters, int k) {
        return Layers.conv2d(filters, k).withPadding(Padding.SAME).withActivation(Activation.RELU);
    }
}
