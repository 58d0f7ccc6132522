package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;

/**
 * Elementwise functions of one tensor (ONNX Exp, Log, Sqrt, Abs, Neg, Reciprocal, Clip, Identity).
 *
 * <p>Shapes: y has x's shape. Gradients: exp' = exp, log' = 1/x, sqrt' = 1/(2 sqrt x), abs' = sign(x),
 * neg' = -1, reciprocal' = -1/x^2; clip passes the gradient where {@code lo <= x <= hi} and drops it
 * where the value was clipped (ONNX Clip: {@code min(max(x, lo), hi)}, so lo > hi gives hi everywhere).
 */
public final class UnaryOp {
    private UnaryOp() {}

    /** The functions. */
    public enum Kind { EXP, LOG, SQRT, ABS, NEG, RECIPROCAL }

    public static Tensor apply(Kind kind, Tensor x) {
        float[] in = x.data(), y = new float[in.length];
        for (int i = 0; i < y.length; i++) {
            float v = in[i];
            y[i] = switch (kind) {
                case EXP -> (float) Math.exp(v);
                case LOG -> (float) Math.log(v);
                case SQRT -> (float) Math.sqrt(v);
                case ABS -> Math.abs(v);
                case NEG -> -v;
                case RECIPROCAL -> 1f / v;
            };
        }
        String name = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return Autograd.record(Tensor.of(y, x.shape()), name, dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) {
                float v = in[i];
                dx[i] += dy[i] * switch (kind) {
                    case EXP -> y[i];
                    case LOG -> 1f / v;
                    case SQRT -> 0.5f / y[i];
                    case ABS -> Math.signum(v);
                    case NEG -> -1f;
                    case RECIPROCAL -> -y[i] * y[i];
                };
            }
        }, x);
    }

    /** {@code min(max(x, lo), hi)}; use infinities for a missing bound. */
    public static Tensor clip(Tensor x, float lo, float hi) {
        float[] in = x.data(), y = new float[in.length];
        for (int i = 0; i < y.length; i++) y[i] = Math.min(Math.max(in[i], lo), hi);
        return Autograd.record(Tensor.of(y, x.shape()), "Clip", dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) if (in[i] >= lo && in[i] <= hi) dx[i] += dy[i];
        }, x);
    }

    /** A copy of x whose gradient passes straight through (ONNX Identity). */
    public static Tensor identity(Tensor x) {
        return Autograd.record(Tensor.of(x.data().clone(), x.shape()), "Identity", dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) dx[i] += dy[i];
        }, x);
    }
}
