package dev.beak.viz;

/**
 * Maps a value in [0, 1] to a colour (packed 0xRRGGBB) by linear interpolation between anchors.
 * {@link #INFERNO} for feature maps (dark = low), {@link #JET} for heatmaps laid over an image,
 * {@link #DIVERGING} for signed values such as weights (blue negative, white zero, red positive; the
 * caller maps zero to 0.5), {@link #GRAY} for plain images.
 */
public enum Colormap {
    GRAY(0x000000, 0xffffff),
    INFERNO(0x000004, 0x420a68, 0x932667, 0xdd513a, 0xfca50a, 0xfcffa4),
    JET(0x00007f, 0x0000ff, 0x00ffff, 0xffff00, 0xff0000, 0x7f0000),
    DIVERGING(0x2166ac, 0x92c5de, 0xf7f7f7, 0xf4a582, 0xb2182b);

    private final int[] anchors;

    Colormap(int... anchors) {
        this.anchors = anchors;
    }

    /** The colour of {@code v}, clamped to [0, 1]; NaN maps to 0. */
    public int rgb(double v) {
        if (!(v > 0)) v = 0;
        if (v > 1) v = 1;
        double pos = v * (anchors.length - 1);
        int i = Math.min((int) pos, anchors.length - 2);
        double t = pos - i;
        int a = anchors[i], b = anchors[i + 1];
        return mix(a >> 16 & 255, b >> 16 & 255, t) << 16 | mix(a >> 8 & 255, b >> 8 & 255, t) << 8 | mix(a & 255, b & 255, t);
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
