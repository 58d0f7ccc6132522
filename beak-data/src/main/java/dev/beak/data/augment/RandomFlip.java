package dev.beak.data.augment;

import dev.beak.data.image.FloatImage;

import java.util.SplittableRandom;

/** Mirrors left-right and/or top-bottom, each with probability 1/2. */
public record RandomFlip(boolean horizontal, boolean vertical) implements Augmentation {
    @Override
    public FloatImage apply(FloatImage img, SplittableRandom rng) {
        boolean fh = horizontal && rng.nextBoolean(), fv = vertical && rng.nextBoolean();
        if (!fh && !fv) return img;
        int c = img.channels(), h = img.height(), w = img.width();
        float[] in = img.data(), out = new float[in.length];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int src = (ch * h + (fv ? h - 1 - y : y)) * w, dst = (ch * h + y) * w;
                if (fh) for (int x = 0; x < w; x++) out[dst + x] = in[src + w - 1 - x];
                else System.arraycopy(in, src, out, dst, w);
            }
        }
        return new FloatImage(c, h, w, out);
    }
}
