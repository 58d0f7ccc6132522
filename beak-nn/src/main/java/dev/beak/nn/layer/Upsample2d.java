package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.ops.ResizeOp;

import java.util.SplittableRandom;

/**
 * Enlarges feature maps by whole factors (Keras' UpSampling2D): nearest repeats each pixel, bilinear
 * interpolates with half-pixel centres (TensorFlow's resize). Shapes: input (N, C, H, W); output
 * (N, C, H * scaleH, W * scaleW).
 */
public record Upsample2d(int scaleH, int scaleW, boolean bilinear) implements LayerSpec {
    public Upsample2d {
        if (scaleH < 1 || scaleW < 1) throw new IllegalArgumentException("Upsample2d factors must be >= 1, got " + scaleH + ", " + scaleW);
    }

    @Override public String baseName() { return "up_sampling2d"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.image(type(), inputs);
        return new int[] {in[0], in[1] * scaleH, in[2] * scaleW};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int[] out = outputShape(inputs);
        double[] scales = {1, 1, scaleH, scaleW};
        ResizeOp.Interpolation mode = bilinear ? ResizeOp.Interpolation.LINEAR : ResizeOp.Interpolation.NEAREST;
        ResizeOp.CoordinateMode coordinates = bilinear ? ResizeOp.CoordinateMode.HALF_PIXEL : ResizeOp.CoordinateMode.ASYMMETRIC;
        return (Layer.Stateless) (training, x) -> Ops.resize(x[0], new int[] {x[0].dim(0), out[0], out[1], out[2]}, scales, mode,
                coordinates, ResizeOp.NearestMode.FLOOR);
    }
}
