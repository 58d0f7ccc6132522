package dev.beak.cli;

import dev.beak.dataset.Dataset;

import java.util.SplittableRandom;

/**
 * Training-time augmentation for the demo: each image (C, H, W) moves by a random whole-pixel offset
 * in [-max, max] on both axes, the uncovered border filled with zeros. Draws come from one seeded
 * stream in the order samples are requested, so a run repeats exactly. Labels are unchanged.
 */
final class RandomShift implements Dataset {
    private final Dataset source;
    private final int max;
    private final SplittableRandom rng;
    private float[] scratch = new float[0];

    RandomShift(Dataset source, int max, long seed) {
        this.source = source;
        this.max = max;
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public int[] sampleShape() {
        return source.sampleShape();
    }

    @Override
    public int[] labelShape() {
        return source.labelShape();
    }

    @Override
    public void copy(int index, float[] x, int xOff, float[] y, int yOff) {
        int[] s = source.sampleShape();
        int c = s[0], h = s[1], w = s[2], size = c * h * w;
        if (scratch.length < size) scratch = new float[size];
        source.copy(index, scratch, 0, y, yOff);
        int dy = rng.nextInt(2 * max + 1) - max, dx = rng.nextInt(2 * max + 1) - max;
        for (int ch = 0; ch < c; ch++) {
            for (int r = 0; r < h; r++) {
                int dst = xOff + (ch * h + r) * w, sr = r - dy;
                if (sr < 0 || sr >= h) {
                    java.util.Arrays.fill(x, dst, dst + w, 0f);
                    continue;
                }
                for (int col = 0; col < w; col++) {
                    int sc = col - dx;
                    x[dst + col] = sc >= 0 && sc < w ? scratch[(ch * h + sr) * w + sc] : 0f;
                }
            }
        }
    }
}
