package dev.beak.data.augment;

import dev.beak.data.image.FloatImage;

import java.util.SplittableRandom;

/**
 * Rotation, shift, shear and zoom as one affine warp about the image centre, sampled bilinearly (as
 * Keras' {@code ImageDataGenerator} does): angles uniform in [-rotation, rotation] and [-shear, shear]
 * degrees, shifts uniform in [-shiftX, shiftX] of the width (and height), zoom uniform in
 * [zoomMin, zoomMax]. Points that fall outside the source take the nearest edge pixel, or 0 when
 * {@code fillZero}.
 */
public record RandomAffine(double rotation, double shiftX, double shiftY, double shear, double zoomMin, double zoomMax,
                           boolean fillZero) implements Augmentation {
    static final RandomAffine NONE = new RandomAffine(0, 0, 0, 0, 1, 1, false);

    public RandomAffine {
        if (rotation < 0 || shiftX < 0 || shiftY < 0 || shear < 0 || zoomMin <= 0 || zoomMax < zoomMin) {
            throw new IllegalArgumentException("affine ranges must be >= 0 and 0 < zoomMin <= zoomMax");
        }
    }

    public RandomAffine withRotation(double degrees) {
        return new RandomAffine(degrees, shiftX, shiftY, shear, zoomMin, zoomMax, fillZero);
    }

    public RandomAffine withShift(double x, double y) {
        return new RandomAffine(rotation, x, y, shear, zoomMin, zoomMax, fillZero);
    }

    public RandomAffine withShear(double degrees) {
        return new RandomAffine(rotation, shiftX, shiftY, degrees, zoomMin, zoomMax, fillZero);
    }

    public RandomAffine withZoom(double min, double max) {
        return new RandomAffine(rotation, shiftX, shiftY, shear, min, max, fillZero);
    }

    public RandomAffine withFillZero(boolean zero) {
        return new RandomAffine(rotation, shiftX, shiftY, shear, zoomMin, zoomMax, zero);
    }

    @Override
    public FloatImage apply(FloatImage img, SplittableRandom rng) {
        int c = img.channels(), h = img.height(), w = img.width();
        double theta = Math.toRadians(uniform(rng, rotation)), phi = Math.toRadians(uniform(rng, shear));
        double tx = uniform(rng, shiftX) * w, ty = uniform(rng, shiftY) * h;
        double zoom = zoomMin == zoomMax ? zoomMin : zoomMin + rng.nextDouble() * (zoomMax - zoomMin);
        // Forward map A = rotate(theta) * shear(phi) * scale(zoom), about the centre, then shifted by (tx, ty).
        double cos = Math.cos(theta), sin = Math.sin(theta);
        double a = cos * zoom, b = (cos * Math.tan(phi) - sin) * zoom, d = sin * zoom, e = (sin * Math.tan(phi) + cos) * zoom;
        double det = a * e - b * d;
        // Each output pixel samples the source at A^-1 (p - centre - t) + centre.
        double ia = e / det, ib = -b / det, id = -d / det, ie = a / det;
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        float[] in = img.data(), out = new float[in.length];
        for (int y = 0; y < h; y++) {
            double dy = y - cy - ty;
            for (int x = 0; x < w; x++) {
                double dx = x - cx - tx;
                double sx = ia * dx + ib * dy + cx, sy = id * dx + ie * dy + cy;
                if (fillZero && (sx < -0.5 || sy < -0.5 || sx > w - 0.5 || sy > h - 0.5)) continue;
                sx = Math.max(0, Math.min(w - 1, sx));
                sy = Math.max(0, Math.min(h - 1, sy));
                int x0 = (int) sx, y0 = (int) sy, x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
                float fx = (float) (sx - x0), fy = (float) (sy - y0);
                for (int ch = 0; ch < c; ch++) {
                    int base = ch * h * w;
                    float top = in[base + y0 * w + x0] + (in[base + y0 * w + x1] - in[base + y0 * w + x0]) * fx;
                    float bottom = in[base + y1 * w + x0] + (in[base + y1 * w + x1] - in[base + y1 * w + x0]) * fx;
                    out[base + y * w + x] = top + (bottom - top) * fy;
                }
            }
        }
        return new FloatImage(c, h, w, out);
    }

    private static double uniform(SplittableRandom rng, double range) {
        return range == 0 ? 0 : (rng.nextDouble() * 2 - 1) * range;
    }
}
