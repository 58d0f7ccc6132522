package dev.beak.nn.zoo;

import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Add;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;

import java.util.List;

/**
 * MobileNetV2 (Sandler et al., 2018, "MobileNetV2: Inverted Residuals and Linear Bottlenecks") in
 * torchvision's layout: conv 32 3x3/2, batch norm, ReLU6; seventeen inverted residual blocks (expand by
 * t with a 1x1 conv, 3x3 depthwise conv with the stride, project with a linear 1x1 conv; each conv
 * without bias and followed by batch norm, the first two by ReLU6; a residual add when the stride is 1
 * and the channels stay) in stages (t, c, n, s) = (1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64,
 * 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1); conv 1280 1x1, batch norm, ReLU6; global average
 * pool, Dropout 0.2, Dense {@code classes}. The width multiplier is the paper's: channels are scaled and
 * rounded to multiples of 8 (the last 1280 is never made smaller). Input (3, 224, 224); 3,504,872
 * parameters for 1000 classes at width 1.
 */
public final class MobileNetV2 {
    private static final int[][] STAGES = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

    private MobileNetV2() {}

    public static Model network(NetworkOptions o) {
        SymbolicTensor in = Functional.input(o.inputShape());
        SymbolicTensor x = convBn("features.0", in, divisible(32 * o.width()), 3, 2, 1, true);
        int block = 1;
        for (int[] st : STAGES) {
            int out = divisible(st[1] * o.width());
            for (int i = 0; i < st[2]; i++) x = invertedResidual("features." + block++, x, out, i == 0 ? st[3] : 1, st[0]);
        }
        x = convBn("features." + block, x, divisible(1280 * Math.max(1f, o.width())), 1, 1, 1, true);
        SymbolicTensor out = x.then("avgpool", Layers.globalAvgPool()).then("dropout", Layers.dropout(0.2f)).then("classifier", Layers.dense(o.classes()));
        return Functional.lazyModel("mobilenetv2", List.of(in), List.of(out), o.seed());
    }

    /** Expand 1x1 (when t > 1), depthwise 3x3/stride, linear projection 1x1; plus the input when the shape stays. */
    public static SymbolicTensor invertedResidual(String name, SymbolicTensor x, int out, int stride, int expansion) {
        int c = x.shape()[0], hidden = c * expansion;
        SymbolicTensor h = expansion == 1 ? x : convBn(name + ".expand", x, hidden, 1, 1, 1, true);
        h = convBn(name + ".depthwise", h, hidden, 3, stride, hidden, true);
        h = convBn(name + ".project", h, out, 1, 1, 1, false);
        return stride == 1 && c == out ? Functional.apply(name + ".add", new Add(), x, h) : h;
    }

    /** Conv (no bias; pad k/2; groups), batch norm, then ReLU6 when {@code relu6}. */
    private static SymbolicTensor convBn(String name, SymbolicTensor x, int filters, int k, int stride, int groups, boolean relu6) {
        SymbolicTensor y = x.then(name + ".conv", Layers.conv2d(filters, k).withStride(stride).withPadding(Padding.of(k / 2)).withGroups(groups).withBias(false))
                .then(name + ".bn", Layers.batchNorm2d());
        return relu6 ? y.then(name + ".relu6", Layers.relu6()) : y;
    }

    /** The paper's rounding: the nearest multiple of 8, at least 8, never below 90% of {@code v}. */
    static int divisible(float v) {
        int r = Math.max(8, (int) (v + 4) / 8 * 8);
        return r < 0.9f * v ? r + 8 : r;
    }
}
