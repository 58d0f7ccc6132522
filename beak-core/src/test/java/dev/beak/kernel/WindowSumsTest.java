package dev.beak.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stride-1 window sums equal the plain loop (column sums top to bottom, then along the row, from 0) bit for bit. */
class WindowSumsTest {
    @Test
    void equalTheLoopOnEveryGeometry() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 400; trial++) {
            int h = 1 + rng.nextInt(20), w = 1 + rng.nextInt(20), kH = 1 + rng.nextInt(Math.min(h, 5) + 1), kW = 1 + rng.nextInt(Math.min(w, 5) + 1);
            int padTop = rng.nextInt(kH), padLeft = rng.nextInt(kW), padBottom = rng.nextInt(kH), padRight = rng.nextInt(kW);
            if (trial % 3 == 0) {   // "same" padding: the output as wide as the input
                padLeft = (kW - 1) / 2;
                padRight = kW - 1 - padLeft;
                padTop = (kH - 1) / 2;
                padBottom = kH - 1 - padTop;
            }
            int oH = h + padTop + padBottom - kH + 1, oW = w + padLeft + padRight - kW + 1;
            if (oH < 1 || oW < 1) continue;
            int xOff = rng.nextInt(7), yOff = rng.nextInt(7);
            float[] x = new float[xOff + h * w];
            for (int i = 0; i < x.length; i++) x[i] = rng.nextInt(10) == 0 ? -0f : (float) rng.nextDouble(-1, 1);
            float[] y = new float[yOff + oH * oW], rows = new float[oH * w];
            new WindowSums(h, w, kH, kW, padTop, padLeft, oH, oW).sum(x, xOff, rows, y, yOff);
            String geometry = String.format("%dx%d k%dx%d pads %d,%d,%d,%d", h, w, kH, kW, padTop, padLeft, padBottom, padRight);
            assertThat(java.util.Arrays.copyOfRange(y, yOff, y.length)).as(geometry).containsExactly(loop(x, xOff, h, w, kH, kW, padTop, padLeft, oH, oW));
        }
    }

    private static float[] loop(float[] x, int xOff, int h, int w, int kH, int kW, int padTop, int padLeft, int oH, int oW) {
        float[] y = new float[oH * oW], rows = new float[w];
        for (int oy = 0; oy < oH; oy++) {
            java.util.Arrays.fill(rows, 0f);
            for (int iy = Math.max(0, oy - padTop); iy < Math.min(h, oy - padTop + kH); iy++) {
                for (int ix = 0; ix < w; ix++) rows[ix] += x[xOff + iy * w + ix];
            }
            for (int ox = 0; ox < oW; ox++) {
                float s = 0;
                for (int ix = Math.max(0, ox - padLeft); ix < Math.min(w, ox - padLeft + kW); ix++) s += rows[ix];
                y[oy * oW + ox] = s;
            }
        }
        return y;
    }
}
