package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 2-d convolution layer, optionally followed by an activation (Keras' {@code activation=}).
 *
 * <p>Shapes: input (N, C, H, W); weight (F, C, kH, kW); bias (F); output (N, F, oH, oW) with
 * {@code oH = floor((H + padTop + padBottom - dilationH*(kH-1) - 1) / strideH) + 1}, and
 * {@code oH = ceil(H / strideH)} for {@link Padding#SAME}. C is inferred from the input.
 */
public record Conv2d(int filters, int kernelH, int kernelW, int strideH, int strideW,
                     int dilationH, int dilationW, Padding padding, boolean useBias,
                     Activation activation) implements LayerSpec {
    public Conv2d {
        if (filters < 1) throw new IllegalArgumentException("Conv2d filters must be >= 1, got " + filters);
        Window2d.of(new int[] {1, 1, kernelH, kernelW}, kernelH, kernelW, strideH, strideW, 1, 1, Padding.VALID);
    }

    public Conv2d withPadding(Padding p) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, p, useBias, activation);
    }

    public Conv2d withStride(int s) {
        return new Conv2d(filters, kernelH, kernelW, s, s, dilationH, dilationW, padding, useBias, activation);
    }

    public Conv2d withDilation(int d) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, d, d, padding, useBias, activation);
    }

    public Conv2d withBias(boolean b) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, b, activation);
    }

    public Conv2d withActivation(Activation a) {
        return new Conv2d(filters, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, useBias, a);
    }

    @Override public String type() { return "Conv2d"; }

    @Override public String baseName() { return "conv2d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.image(type(), inputs);
        Window2d g = Window2d.of(new int[] {1, in[0], in[1], in[2]}, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding);
        return new int[] {filters, g.oH(), g.oW()};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int c = Shapes.image(type(), inputs)[0], area = kernelH * kernelW;
        Tensor w = Initializers.glorotUniform(rng, c * area, filters * area, filters, c, kernelH, kernelW);
        Tensor b = useBias ? Tensor.zeros(filters) : null;
        List<Parameter> params = new ArrayList<>(List.of(new Parameter("weight", w)));
        if (b != null) params.add(new Parameter("bias", b));
        return new Layer() {
            @Override
            public Tensor forward(boolean training, Tensor... x) {
                return activation.apply(Ops.conv2d(x[0], w, b, strideH, strideW, dilationH, dilationW, padding));
            }

            @Override
            public List<Parameter> parameters() {
                return params;
            }
        };
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("filters", filters, "kernel", List.of(kernelH, kernelW), "stride", List.of(strideH, strideW),
                "dilation", List.of(dilationH, dilationW), "padding", Paddings.toConfig(padding), "use_bias", useBias,
                "activation", activation.configName());
    }

    static Conv2d fromConfig(Map<String, Object> c) {
        int[] k = LayerConfigs.pair(c, "kernel"), s = LayerConfigs.pair(c, "stride"), d = LayerConfigs.pair(c, "dilation");
        return new Conv2d(LayerConfigs.toInt(c.get("filters")), k[0], k[1], s[0], s[1], d[0], d[1],
                Paddings.fromConfig(c.get("padding")), (Boolean) c.getOrDefault("use_bias", true),
                Activation.fromConfigName((String) c.getOrDefault("activation", "linear")));
    }
}
