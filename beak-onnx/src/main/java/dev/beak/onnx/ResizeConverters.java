package dev.beak.onnx;

import dev.beak.ops.Ops;
import dev.beak.ops.ResizeOp;
import dev.beak.tensor.Tensor;

import java.util.Locale;

import static dev.beak.onnx.OnnxNode.in;
import static dev.beak.onnx.OnnxNode.one;

/**
 * Converters for Resize (opset 10 on) and Upsample (opsets 7-9). Beak resizes by nearest neighbour
 * and (multi)linear interpolation with every coordinate mode except tf_crop_and_resize; cubic and
 * antialiased resizing are not implemented.
 */
final class ResizeConverters {
    private ResizeConverters() {}

    static OnnxKernel resize(OnnxNode n) {
        ResizeOp.Interpolation interpolation = interpolation(n);
        if (n.i("antialias", 0) != 0) throw n.resizeMode("antialiased resizing is not implemented (nearest and linear only)");
        String coordinates = n.s("coordinate_transformation_mode", n.opset() < 11 ? "asymmetric" : "half_pixel");
        if (coordinates.equals("tf_crop_and_resize")) throw n.resizeMode("tf_crop_and_resize is not implemented");
        ResizeOp.CoordinateMode mode = enumOf(n, ResizeOp.CoordinateMode.class, coordinates);
        ResizeOp.NearestMode nearest = n.opset() < 11 ? ResizeOp.NearestMode.FLOOR
                : enumOf(n, ResizeOp.NearestMode.class, n.s("nearest_mode", "round_prefer_floor"));
        String policy = n.s("keep_aspect_ratio_policy", "stretch");
        int[] axesAttr = n.ints("axes", null);
        return (t, in) -> {
            Tensor x = in[0];
            int r = x.rank();
            Tensor scalesIn = n.opset() < 11 ? in[1] : in(in, 2), sizesIn = n.opset() < 11 ? null : in(in, 3);
            int[] axes = axesAttr;
            if (axes == null) {
                axes = new int[r];
                for (int i = 0; i < r; i++) axes[i] = i;
            }
            double[] scales = new double[r];
            int[] out = x.shape();
            java.util.Arrays.fill(scales, 1.0);
            if (sizesIn != null && sizesIn.size() > 0) {
                int[] sizes = OnnxNode.ints(sizesIn);
                double common = policy.equals("not_larger") ? Double.MAX_VALUE : 0;
                for (int i = 0; i < axes.length; i++) {
                    int a = axes[i] < 0 ? axes[i] + r : axes[i];
                    double s = (double) sizes[i] / x.dim(a);
                    scales[a] = s;
                    common = policy.equals("not_larger") ? Math.min(common, s) : Math.max(common, s);
                }
                for (int i = 0; i < axes.length; i++) {
                    int a = axes[i] < 0 ? axes[i] + r : axes[i];
                    if (!policy.equals("stretch")) scales[a] = common;
                    out[a] = policy.equals("stretch") ? sizes[i] : (int) Math.round(common * x.dim(a));
                }
            } else if (scalesIn != null && scalesIn.size() > 0) {
                float[] s = scalesIn.data();
                for (int i = 0; i < axes.length; i++) {
                    int a = axes[i] < 0 ? axes[i] + r : axes[i];
                    scales[a] = s[i];
                    out[a] = (int) Math.floor(x.dim(a) * (double) s[i]);
                }
            } else {
                throw new IllegalArgumentException("Resize: neither scales nor sizes is given");
            }
            return one(Ops.resize(x, out, scales, interpolation, mode, nearest));
        };
    }

    /** Upsample: Resize with asymmetric coordinates, nearest rounding down; scales as attribute (7-8) or input (9). */
    static OnnxKernel upsample(OnnxNode n) {
        ResizeOp.Interpolation interpolation = interpolation(n);
        float[] attr = n.floats("scales", null);
        return (t, in) -> {
            Tensor x = in[0];
            float[] s = n.opset() < 9 ? attr : in[1].data();
            int[] out = new int[x.rank()];
            double[] scales = new double[x.rank()];
            for (int a = 0; a < out.length; a++) {
                scales[a] = s[a];
                out[a] = (int) Math.floor(x.dim(a) * (double) s[a]);
            }
            return one(Ops.resize(x, out, scales, interpolation, ResizeOp.CoordinateMode.ASYMMETRIC, ResizeOp.NearestMode.FLOOR));
        };
    }

    private static ResizeOp.Interpolation interpolation(OnnxNode n) {
        String mode = n.s("mode", "nearest");
        return switch (mode) {
            case "nearest" -> ResizeOp.Interpolation.NEAREST;
            case "linear", "bilinear" -> ResizeOp.Interpolation.LINEAR;
            default -> throw n.resizeMode(mode + " interpolation is not implemented (nearest and linear only)");
        };
    }

    private static <E extends Enum<E>> E enumOf(OnnxNode n, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw n.unsupported("Resize mode " + value + " is not supported");
        }
    }
}
