package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Resizes a tensor by nearest-neighbour or (multi)linear interpolation (ONNX Resize and Upsample,
 * PyTorch's {@code interpolate}). Linear interpolation is separable, so each resized axis is one
 * 1-d pass in which every output entry mixes at most two inputs.
 *
 * <p>Shapes: x (d0, ..., d(r-1)); y {@code outShape}, same rank. Output coordinate {@code o} on an
 * axis of scale {@code s} (out/in unless given) maps to input coordinate {@code u} by the
 * {@link CoordinateMode} (which, where it needs the resized length, takes {@code s * in} unrounded, as
 * ONNX does); nearest rounds {@code u} by the {@link NearestMode}, linear mixes
 * {@code floor(u)} and {@code floor(u)+1} by the fraction; indices are clamped to the axis (edge values
 * repeat). Backward: the transpose of each pass (a weighted scatter-add).
 */
public final class ResizeOp {
    private ResizeOp() {}

    public enum Interpolation { NEAREST, LINEAR }

    /** How an output coordinate maps to an input coordinate (ONNX's coordinate_transformation_mode). */
    public enum CoordinateMode { HALF_PIXEL, HALF_PIXEL_SYMMETRIC, PYTORCH_HALF_PIXEL, ALIGN_CORNERS, ASYMMETRIC, TF_HALF_PIXEL_FOR_NN }

    /** How nearest-neighbour rounds a fractional input coordinate. */
    public enum NearestMode { ROUND_PREFER_FLOOR, ROUND_PREFER_CEIL, FLOOR, CEIL }

    /** {@code scales} may be null (out / in on every axis). */
    public static Tensor apply(Tensor x, int[] outShape, double[] scales, Interpolation interpolation,
                               CoordinateMode coordinates, NearestMode nearest) {
        if (outShape.length != x.rank()) {
            throw new IllegalArgumentException("resize: output shape " + Shape.toString(outShape) + " for input " + Shape.toString(x.shape()));
        }
        Tensor y = x;
        for (int a = 0; a < outShape.length; a++) {
            int in = x.dim(a), out = outShape[a];
            double scale = scales == null ? (in == 0 ? 1 : (double) out / in) : scales[a];
            if (in == out && scale == 1.0) continue;
            if (in == 0 && out > 0) throw new IllegalArgumentException("resize: cannot resize an empty axis " + a + " to " + out);
            y = pass(y, a, out, scale, interpolation, coordinates, nearest);
        }
        return y == x ? UnaryOp.identity(x) : y;
    }

    /** One 1-d pass along {@code axis}: each output entry is {@code w0 * in[i0] + w1 * in[i1]}. */
    private static Tensor pass(Tensor x, int axis, int out, double scale, Interpolation interpolation,
                               CoordinateMode coordinates, NearestMode nearest) {
        int in = x.dim(axis);
        int[] i0 = new int[out], i1 = new int[out];
        float[] w0 = new float[out], w1 = new float[out];
        for (int o = 0; o < out; o++) {
            double u = source(o, in, out, scale, coordinates);
            if (interpolation == Interpolation.NEAREST) {
                i0[o] = i1[o] = clamp(round(u, nearest), in);
                w0[o] = 1f;
            } else {
                double f = Math.floor(u);
                i0[o] = clamp((long) f, in);
                i1[o] = clamp((long) f + 1, in);
                w1[o] = (float) (u - f);
                w0[o] = 1f - w1[o];
            }
        }
        int[] shape = x.shape();
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= shape[i];
        for (int i = axis + 1; i < shape.length; i++) inner *= shape[i];
        shape[axis] = out;
        float[] xv = x.data(), y = new float[Shape.size(shape)];
        int fOuter = outer, fInner = inner;
        for (int p = 0; p < outer; p++) {
            for (int o = 0; o < out; o++) {
                int src0 = (p * in + i0[o]) * inner, src1 = (p * in + i1[o]) * inner, dst = (p * out + o) * inner;
                for (int q = 0; q < inner; q++) y[dst + q] = w0[o] * xv[src0 + q] + w1[o] * xv[src1 + q];
            }
        }
        return Autograd.record(Tensor.of(y, shape), "Resize", dy -> {
            float[] dx = x.gradBuffer();
            for (int p = 0; p < fOuter; p++) {
                for (int o = 0; o < out; o++) {
                    int src0 = (p * in + i0[o]) * fInner, src1 = (p * in + i1[o]) * fInner, dst = (p * out + o) * fInner;
                    for (int q = 0; q < fInner; q++) {
                        dx[src0 + q] += w0[o] * dy[dst + q];
                        dx[src1 + q] += w1[o] * dy[dst + q];
                    }
                }
            }
        }, x);
    }

    /** The input coordinate of output coordinate {@code o}. */
    static double source(int o, int in, int out, double scale, CoordinateMode mode) {
        // ONNX measures the resized length as scale * in, unrounded (it differs from out when scales are given).
        double length = scale * in;
        return switch (mode) {
            case HALF_PIXEL -> (o + 0.5) / scale - 0.5;
            case HALF_PIXEL_SYMMETRIC -> {
                double adjustment = out / (scale * in), offset = in / 2.0 * (1 - adjustment);
                yield offset + (o + 0.5) / scale - 0.5;
            }
            case PYTORCH_HALF_PIXEL -> length > 1 ? (o + 0.5) / scale - 0.5 : 0;
            case ALIGN_CORNERS -> length == 1 ? 0 : o * (in - 1.0) / (length - 1.0);
            case ASYMMETRIC -> o / scale;
            case TF_HALF_PIXEL_FOR_NN -> (o + 0.5) / scale;
        };
    }

    static long round(double u, NearestMode mode) {
        double f = Math.floor(u);
        boolean half = u - f == 0.5;
        return switch (mode) {
            case FLOOR -> (long) f;
            case CEIL -> (long) Math.ceil(u);
            case ROUND_PREFER_FLOOR -> half ? (long) f : Math.round(u);
            case ROUND_PREFER_CEIL -> half ? (long) f + 1 : Math.round(u);
        };
    }

    private static int clamp(long i, int in) {
        return (int) Math.max(0, Math.min(in - 1, i));
    }
}
