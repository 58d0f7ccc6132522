package dev.beak.data.image;

/**
 * How image files become samples: target size, channels, resize mode, and whether bad files are
 * skipped (and reported) instead of failing the run.
 */
public record ImageOptions(int height, int width, ColorMode color, ResizeMode resize, boolean skipBad) {
    public ImageOptions {
        if (height < 1 || width < 1) throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        if (color == null || resize == null) throw new IllegalArgumentException("color and resize modes are required");
    }

    /** RGB, cropped to keep the aspect ratio, failing on bad files. */
    public static ImageOptions of(int height, int width) {
        return new ImageOptions(height, width, ColorMode.RGB, ResizeMode.CROP, false);
    }

    public ImageOptions withColor(ColorMode c) {
        return new ImageOptions(height, width, c, resize, skipBad);
    }

    public ImageOptions withResize(ResizeMode r) {
        return new ImageOptions(height, width, color, r, skipBad);
    }

    public ImageOptions withSkipBad(boolean s) {
        return new ImageOptions(height, width, color, resize, s);
    }
}
