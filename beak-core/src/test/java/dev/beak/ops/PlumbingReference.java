package dev.beak.ops;

/**
 * Double-precision references for the plumbing ops, written from their definitions with explicit
 * loops over coordinates (independent of the index-map engine the ops share).
 */
final class PlumbingReference {
    private PlumbingReference() {}

    /** Row-major position of coordinates in a shape; coordinates of a broadcast (size 1) axis read 0. */
    static int at(int[] shape, int[] coord, int offset) {
        int s = 0;
        for (int i = 0; i < shape.length; i++) s = s * shape[i] + (shape[i] == 1 ? 0 : coord[i + offset]);
        return s;
    }

    static int[] coords(int flat, int[] shape) {
        int[] c = new int[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            c[i] = flat % shape[i];
            flat /= shape[i];
        }
        return c;
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    static double[] binary(BroadcastOp.Kind kind, double[] a, int[] as, double[] b, int[] bs, int[] out) {
        double[] y = new double[size(out)];
        for (int i = 0; i < y.length; i++) {
            int[] c = coords(i, out);
            double u = a[at(as, c, out.length - as.length)], v = b[at(bs, c, out.length - bs.length)];
            y[i] = switch (kind) {
                case ADD -> u + v;
                case SUB -> u - v;
                case MUL -> u * v;
                case DIV -> u / v;
                case MIN -> Math.min(u, v);
                case MAX -> Math.max(u, v);
                case POW -> Math.pow(u, v);
            };
        }
        return y;
    }

    static double[] transpose(double[] x, int[] shape, int[] perm) {
        int[] out = new int[shape.length];
        for (int i = 0; i < out.length; i++) out[i] = shape[perm[i]];
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            int[] c = coords(i, out), src = new int[shape.length];
            for (int k = 0; k < perm.length; k++) src[perm[k]] = c[k];
            y[i] = x[at(shape, src, 0)];
        }
        return y;
    }

    /** Python-style x[b0:e0:s0, ...] on every axis, with bounds already normalised and in range. */
    static double[] slice(double[] x, int[] shape, int[] first, int[] step, int[] count) {
        double[] y = new double[size(count)];
        for (int i = 0; i < y.length; i++) {
            int[] c = coords(i, count), src = new int[shape.length];
            for (int a = 0; a < shape.length; a++) src[a] = first[a] + c[a] * step[a];
            y[i] = x[at(shape, src, 0)];
        }
        return y;
    }

    /** Sum, mean or max over the axes marked in {@code reduced}, keeping them as size 1. */
    static double[] reduce(ReduceOp.Kind kind, double[] x, int[] shape, boolean[] reduced) {
        int[] out = shape.clone();
        for (int i = 0; i < shape.length; i++) if (reduced[i]) out[i] = 1;
        double[] y = new double[size(out)];
        int[] count = new int[y.length];
        java.util.Arrays.fill(y, kind == ReduceOp.Kind.MAX ? Double.NEGATIVE_INFINITY : 0);
        for (int i = 0; i < x.length; i++) {
            int o = at(out, coords(i, shape), 0);
            y[o] = kind == ReduceOp.Kind.MAX ? Math.max(y[o], x[i]) : y[o] + x[i];
            count[o]++;
        }
        if (kind == ReduceOp.Kind.MEAN) for (int o = 0; o < y.length; o++) y[o] /= count[o];
        return y;
    }

    /** Pads a (H, W) plane; mode as PadOp. */
    static double[] pad2d(double[] x, int h, int w, int top, int bottom, int left, int right, PadOp.Mode mode, double value) {
        int oh = h + top + bottom, ow = w + left + right;
        double[] y = new double[oh * ow];
        for (int i = 0; i < oh; i++)
            for (int j = 0; j < ow; j++) {
                int r = fold(i - top, h, mode), c = fold(j - left, w, mode);
                y[i * ow + j] = r < 0 || c < 0 ? value : x[r * w + c];
            }
        return y;
    }

    private static int fold(int i, int n, PadOp.Mode mode) {
        if (i >= 0 && i < n) return i;
        switch (mode) {
            case CONSTANT: return -1;
            case EDGE: return i < 0 ? 0 : n - 1;
            case WRAP: return ((i % n) + n) % n;
            default:
                while (i < 0 || i >= n) i = i < 0 ? -i : 2 * (n - 1) - i;
                return i;
        }
    }

    /** DepthToSpace from ONNX's definition: reshape, transpose, reshape. */
    static double[] depthToSpace(double[] x, int n, int c, int h, int w, int b, boolean dcr) {
        int oc = c / (b * b);
        double[] y = new double[x.length];
        for (int in = 0; in < n; in++)
            for (int ch = 0; ch < c; ch++)
                for (int i = 0; i < h; i++)
                    for (int j = 0; j < w; j++) {
                        // DCR: channel = (bi, bj, oc); CRD: channel = (oc, bi, bj).
                        int bi, bj, o;
                        if (dcr) { bi = ch / (b * oc); bj = ch / oc % b; o = ch % oc; }
                        else { o = ch / (b * b); bi = ch / b % b; bj = ch % b; }
                        int yy = i * b + bi, xx = j * b + bj;
                        y[((in * oc + o) * h * b + yy) * w * b + xx] = x[((in * c + ch) * h + i) * w + j];
                    }
        return y;
    }

    /** Bilinear resize of (H, W) planes with half_pixel coordinates, four neighbours per output. */
    static double[] bilinearHalfPixel(double[] x, int planes, int h, int w, int oh, int ow) {
        double[] y = new double[planes * oh * ow];
        for (int p = 0; p < planes; p++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++) {
                    double u = Math.min(Math.max((i + 0.5) * h / oh - 0.5, 0), h - 1);
                    double v = Math.min(Math.max((j + 0.5) * w / ow - 0.5, 0), w - 1);
                    int u0 = (int) Math.floor(u), v0 = (int) Math.floor(v);
                    int u1 = Math.min(u0 + 1, h - 1), v1 = Math.min(v0 + 1, w - 1);
                    double fu = u - u0, fv = v - v0;
                    double top = x[(p * h + u0) * w + v0] * (1 - fv) + x[(p * h + u0) * w + v1] * fv;
                    double bot = x[(p * h + u1) * w + v0] * (1 - fv) + x[(p * h + u1) * w + v1] * fv;
                    y[(p * oh + i) * ow + j] = top * (1 - fu) + bot * fu;
                }
        return y;
    }

    /** (B, M, K) times (K, N), the right side shared by every batch entry. */
    static double[] matmul(double[] a, double[] b, int batch, int m, int k, int n) {
        double[] y = new double[batch * m * n];
        for (int t = 0; t < batch; t++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) s += a[(t * m + i) * k + q] * b[q * n + j];
                    y[(t * m + i) * n + j] = s;
                }
        return y;
    }

    /** 3-d convolution (N,C,D,H,W) * (F,C,kD,kH,kW), symmetric padding p, stride s, dilation d on every axis. */
    static double[] conv3d(double[] x, double[] w, double[] b, int[] xs, int[] ws, int p, int s, int d) {
        int n = xs[0], c = xs[1], f = ws[0];
        int[] o = new int[3];
        for (int a = 0; a < 3; a++) o[a] = (xs[a + 2] + 2 * p - d * (ws[a + 2] - 1) - 1) / s + 1;
        double[] y = new double[n * f * o[0] * o[1] * o[2]];
        int i = 0;
        for (int in = 0; in < n; in++)
            for (int of = 0; of < f; of++)
                for (int z = 0; z < o[0]; z++)
                    for (int r = 0; r < o[1]; r++)
                        for (int q = 0; q < o[2]; q++, i++) {
                            double sum = b == null ? 0 : b[of];
                            for (int ch = 0; ch < c; ch++)
                                for (int kz = 0; kz < ws[2]; kz++)
                                    for (int kr = 0; kr < ws[3]; kr++)
                                        for (int kq = 0; kq < ws[4]; kq++) {
                                            int iz = z * s - p + kz * d, ir = r * s - p + kr * d, iq = q * s - p + kq * d;
                                            if (iz < 0 || ir < 0 || iq < 0 || iz >= xs[2] || ir >= xs[3] || iq >= xs[4]) continue;
                                            sum += x[(((in * c + ch) * xs[2] + iz) * xs[3] + ir) * xs[4] + iq]
                                                    * w[(((of * c + ch) * ws[2] + kz) * ws[3] + kr) * ws[4] + kq];
                                        }
                            y[i] = sum;
                        }
        return y;
    }

    /** Max pooling of (P, H, W) planes, window k, stride s, dilation d, padding p before and after. */
    static double[] maxPool2dDilated(double[] x, int planes, int h, int w, int k, int s, int d, int p) {
        int oh = (h + 2 * p - d * (k - 1) - 1) / s + 1, ow = (w + 2 * p - d * (k - 1) - 1) / s + 1;
        double[] y = new double[planes * oh * ow];
        for (int pl = 0; pl < planes; pl++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int a = 0; a < k; a++)
                        for (int b = 0; b < k; b++) {
                            int r = i * s - p + a * d, c = j * s - p + b * d;
                            if (r >= 0 && r < h && c >= 0 && c < w) m = Math.max(m, x[(pl * h + r) * w + c]);
                        }
                    y[(pl * oh + i) * ow + j] = m;
                }
        return y;
    }
}
