package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 2-d max pooling. Shapes: input (N, C, H, W); output (N, C, oH, oW) with
 * {@code oH = floor((H + padTop + padBottom - poolH) / strideH) + 1}. The stride defaults to the pool size.
 */
public record MaxPool2d(int poolH, int poolW, int strideH, int strideW, Padding padding) implements LayerSpec {
    public MaxPool2d {
        Window2d.of(new int[] {1, 1, poolH, poolW}, poolH, poolW, strideH, strideW, 1, 1, Padding.VALID);
    }

    public MaxPool2d withStride(int s) {
        return new MaxPool2d(poolH, poolW, s, s, padding);
    }

    public MaxPool2d withPadding(Padding p) {
        return new MaxPool2d(poolH, poolW, strideH, strideW, p);
    }

    @Override public String type() { return "MaxPool2d"; }

    @Override public String baseName() { return "max_pooling2d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.image(type(), inputs);
        Window2d g = Window2d.of(new int[] {1, in[0], in[1], in[2]}, poolH, poolW, strideH, strideW, 1, 1, padding);
        return new int[] {in[0], g.oH(), g.oW()};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        return (Layer.Stateless) (training, x) -> Ops.maxPool2d(x[0], poolH, poolW, strideH, strideW, padding);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("pool", List.of(poolH, poolW), "stride", List.of(strideH, strideW), "padding", Paddings.toConfig(padding));
    }

    static MaxPool2d fromConfig(Map<String, Object> c) {
        int[] p = LayerConfigs.pair(c, "pool"), s = LayerConfigs.pair(c, "stride");
        return new MaxPool2d(p[0], p[1], s[0], s[1], Paddings.fromConfig(c.get("padding")));
    }
}
