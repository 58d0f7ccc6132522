package dev.beak.data.image;

import dev.beak.tensor.Tensor;

/**
 * A decoded image as floats, channels first: {@code data[(c * height + y) * width + x]}, values as the
 * file stored them (0..255 for 8-bit images) until a preprocessing step rescales them.
 *
 * <p>Shapes: (C, H, W) with C = 1 (grey) or 3 (RGB).
 */
public record FloatImage(int channels, int height, int width, float[] data) {
    public FloatImage {
        if (channels < 1 || height < 1 || width < 1 || data.length != channels * height * width) {
            throw new IllegalArgumentException("image (" + channels + ", " + height + ", " + width + ") cannot hold "
                    + data.length + " values");
        }
    }

    public static FloatImage of(Tensor chw) {
        if (chw.rank() != 3) throw new IllegalArgumentException("an image tensor is (C, H, W), got rank " + chw.rank());
        return new FloatImage(chw.dim(0), chw.dim(1), chw.dim(2), chw.data());
    }

    public int[] shape() {
        return new int[] {channels, height, width};
    }

    public Tensor toTensor() {
        return Tensor.of(data, channels, height, width);
    }

    /** The window of {@code h x w} pixels at row {@code y}, column {@code x}; outside the image reads 0. */
    public FloatImage crop(int y, int x, int h, int w) {
        float[] out = new float[channels * h * w];
        int y0 = Math.max(0, -y), y1 = Math.min(h, height - y), x0 = Math.max(0, -x), x1 = Math.min(w, width - x);
        for (int c = 0; c < channels; c++) {
            for (int r = y0; r < y1; r++) {
                if (x1 > x0) System.arraycopy(data, (c * height + y + r) * width + x + x0, out, (c * h + r) * w + x0, x1 - x0);
            }
        }
        return new FloatImage(channels, h, w, out);
    }

    /** Bilinear resize to {@code h x w}, sampling at pixel centres (half-pixel offsets, as Keras and PIL do). */
    public FloatImage resize(int h, int w) {
        if (h == height && w == width) return this;
        float[] out = new float[channels * h * w];
        float sy = (float) height / h, sx = (float) width / w;
        // Precompute the two source columns and their weights for every output column.
        int[] cx0 = new int[w], cx1 = new int[w];
        float[] fx = new float[w];
        for (int x = 0; x < w; x++) {
            float s = Math.max(0, (x + 0.5f) * sx - 0.5f);
            cx0[x] = Math.min((int) s, width - 1);
            cx1[x] = Math.min(cx0[x] + 1, width - 1);
            fx[x] = s - (int) s;
        }
        for (int y = 0; y < h; y++) {
            float s = Math.max(0, (y + 0.5f) * sy - 0.5f);
            int r0 = Math.min((int) s, height - 1), r1 = Math.min(r0 + 1, height - 1);
            float fy = s - (int) s;
            for (int c = 0; c < channels; c++) {
                int a = (c * height + r0) * width, b = (c * height + r1) * width, o = (c * h + y) * w;
                for (int x = 0; x < w; x++) {
                    float top = data[a + cx0[x]] + (data[a + cx1[x]] - data[a + cx0[x]]) * fx[x];
                    float bottom = data[b + cx0[x]] + (data[b + cx1[x]] - data[b + cx0[x]]) * fx[x];
                    out[o + x] = top + (bottom - top) * fy;
                }
            }
        }
        return new FloatImage(channels, h, w, out);
    }

    /** Resized to {@code h x w} the way {@code mode} says: stretched, or scaled to cover and centre-cropped. */
    public FloatImage resize(int h, int w, ResizeMode mode) {
        if (mode == ResizeMode.STRETCH || (long) height * w == (long) width * h) return resize(h, w);
        // Scale so that the image covers h x w, keeping its aspect, then cut the centre.
        double scale = Math.max((double) h / height, (double) w / width);
        int sh = Math.max(h, (int) Math.round(height * scale)), sw = Math.max(w, (int) Math.round(width * scale));
        return resize(sh, sw).crop((sh - h) / 2, (sw - w) / 2, h, w);
    }

    /** The image with {@code c} channels: grey to RGB repeats the plane, RGB to grey takes the luma (BT.601). */
    public FloatImage withChannels(int c) {
        if (c == channels) return this;
        int plane = height * width;
        float[] out = new float[c * plane];
        if (channels == 1 && c == 3) {
            for (int k = 0; k < 3; k++) System.arraycopy(data, 0, out, k * plane, plane);
        } else if (channels == 3 && c == 1) {
            for (int p = 0; p < plane; p++) out[p] = 0.299f * data[p] + 0.587f * data[plane + p] + 0.114f * data[2 * plane + p];
        } else {
            throw new IllegalArgumentException("cannot convert a " + channels + "-channel image to " + c + " channels");
        }
        return new FloatImage(c, height, width, out);
    }
}
