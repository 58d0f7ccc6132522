package dev.beak.viz;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Small image operations on (N, C, H, W) tensors, outside autograd: bilinear resize, Gaussian blur,
 * circular shift (jitter) and clamping. Deep Dream and the gradient-ascent pictures need them.
 */
public final class ImageMath {
    private ImageMath() {}

    /**
     * Bilinear resize of every plane to (h, w), sampling at pixel centres (half-pixel offsets, as
     * OpenCV and PyTorch's {@code align_corners=False} do), edges clamped.
     */
    public static Tensor resize(Tensor x, int h, int w) {
        requireImage(x);
        int planes = x.dim(0) * x.dim(1), H = x.dim(2), W = x.dim(3);
        float[] in = x.data(), out = new float[planes * h * w];
        double sy = (double) H / h, sx = (double) W / w;
        for (int oy = 0; oy < h; oy++) {
            double fy = Math.max(0, (oy + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, H - 1), y1 = Math.min(y0 + 1, H - 1);
            double ty = fy - y0;
            for (int ox = 0; ox < w; ox++) {
                double fx = Math.max(0, (ox + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, W - 1), x1 = Math.min(x0 + 1, W - 1);
                double tx = fx - x0;
                for (int p = 0; p < planes; p++) {
                    int b = p * H * W;
                    double top = in[b + y0 * W + x0] * (1 - tx) + in[b + y0 * W + x1] * tx;
                    double bottom = in[b + y1 * W + x0] * (1 - tx) + in[b + y1 * W + x1] * tx;
                    out[(p * h + oy) * w + ox] = (float) (top * (1 - ty) + bottom * ty);
                }
            }
        }
        return Tensor.of(out, x.dim(0), x.dim(1), h, w);
    }

    /** Separable Gaussian blur of every plane with standard deviation {@code sigma} pixels (edges clamped). */
    public static Tensor blur(Tensor x, double sigma) {
        requireImage(x);
        if (sigma <= 0) return x.copy();
        int r = Math.max(1, (int) Math.ceil(2 * sigma));
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < k.length; i++) k[i] /= sum;
        int planes = x.dim(0) * x.dim(1), H = x.dim(2), W = x.dim(3);
        float[] in = x.data(), tmp = new float[in.length], out = new float[in.length];
        for (int p = 0; p < planes; p++) {
            int b = p * H * W;
            // Rows first into tmp, then columns into out.
            for (int y = 0; y < H; y++) {
                for (int xx = 0; xx < W; xx++) {
                    double s = 0;
                    for (int i = -r; i <= r; i++) s += k[i + r] * in[b + y * W + clamp(xx + i, W)];
                    tmp[b + y * W + xx] = (float) s;
                }
            }
            for (int y = 0; y < H; y++) {
                for (int xx = 0; xx < W; xx++) {
                    double s = 0;
                    for (int i = -r; i <= r; i++) s += k[i + r] * tmp[b + clamp(y + i, H) * W + xx];
                    out[b + y * W + xx] = (float) s;
                }
            }
        }
        return Tensor.of(out, x.shape());
    }

    /** Circular shift of every plane by (dy, dx) pixels; {@code roll(roll(x, a, b), -a, -b)} is x. */
    public static Tensor roll(Tensor x, int dy, int dx) {
        requireImage(x);
        int planes = x.dim(0) * x.dim(1), H = x.dim(2), W = x.dim(3);
        float[] in = x.data(), out = new float[in.length];
        for (int p = 0; p < planes; p++) {
            int b = p * H * W;
            for (int y = 0; y < H; y++) {
                int ty = Math.floorMod(y + dy, H);
                for (int xx = 0; xx < W; xx++) out[b + ty * W + Math.floorMod(xx + dx, W)] = in[b + y * W + xx];
            }
        }
        return Tensor.of(out, x.shape());
    }

    /** Clamps every value of {@code x} into [lo, hi], in place. */
    public static void clampInPlace(Tensor x, float lo, float hi) {
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) d[i] = Math.min(hi, Math.max(lo, d[i]));
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    static void requireImage(Tensor x) {
        if (x.rank() != 4) throw new IllegalArgumentException("expected images (N, C, H, W), got " + Shape.toString(x.shape()));
    }
}
