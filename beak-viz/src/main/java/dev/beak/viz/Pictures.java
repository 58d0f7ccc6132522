package dev.beak.viz;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns tensors into pictures: planes through a {@link Colormap}, images in their value range,
 * heatmap overlays, labelled grids, PNG files. Only off-screen {@link BufferedImage}s are drawn, so
 * everything works headless ({@code -Djava.awt.headless=true}, as the tests and {@code beak viz} run);
 * the library leaves that setting to the application.
 */
public final class Pictures {
    private static final Color BACKGROUND = Color.WHITE, INK = new Color(0x222222);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Pictures() {}

    /** Plane {@code d[off .. off + h*w)} mapped from [lo, hi] through {@code map}; lo == hi gives the low colour. */
    public static BufferedImage plane(float[] d, int off, int h, int w, double lo, double hi, Colormap map) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double range = hi - lo;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.setRGB(x, y, map.rgb(range > 0 ? (d[off + y * w + x] - lo) / range : 0));
        }
        return img;
    }

    /** A plane scaled from its own minimum to maximum. */
    public static BufferedImage planeAutoscaled(float[] d, int off, int h, int w, Colormap map) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = off; i < off + h * w; i++) {
            lo = Math.min(lo, d[i]);
            hi = Math.max(hi, d[i]);
        }
        return plane(d, off, h, w, lo, hi, map);
    }

    /**
     * Sample {@code n} of images x (N, C, H, W) whose values span [lo, hi]: grey for one channel,
     * RGB for three, the mean of the channels otherwise.
     */
    public static BufferedImage image(Tensor x, int n, double lo, double hi) {
        ImageMath.requireImage(x);
        int c = x.dim(1), h = x.dim(2), w = x.dim(3), hw = h * w;
        float[] d = x.data();
        int base = n * c * hw;
        if (c == 1) return plane(d, base, h, w, lo, hi, Colormap.GRAY);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < hw; i++) {
            int rgb;
            if (c == 3) {
                rgb = level(d[base + i], lo, hi) << 16 | level(d[base + hw + i], lo, hi) << 8 | level(d[base + 2 * hw + i], lo, hi);
            } else {
                double s = 0;
                for (int k = 0; k < c; k++) s += d[base + k * hw + i];
                int g = level(s / c, lo, hi);
                rgb = g << 16 | g << 8 | g;
            }
            img.setRGB(i % w, i / w, rgb);
        }
        return img;
    }

    /** Sample {@code n} of x scaled from its own minimum to maximum (for optimised images). */
    public static BufferedImage imageAutoscaled(Tensor x, int n) {
        int per = x.size() / x.dim(0);
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = n * per; i < (n + 1) * per; i++) {
            lo = Math.min(lo, x.data()[i]);
            hi = Math.max(hi, x.data()[i]);
        }
        return image(x, n, lo, hi);
    }

    /** {@code base} with {@code heat} (h*w values in [0, 1], same size as base) laid over it through {@code map}. */
    public static BufferedImage overlay(BufferedImage base, float[] heat, Colormap map, double alpha) {
        int w = base.getWidth(), h = base.getHeight();
        if (heat.length != w * h) throw new IllegalArgumentException("heatmap has " + heat.length + " values, image " + w + "x" + h);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = base.getRGB(x, y), b = map.rgb(heat[y * w + x]);
                out.setRGB(x, y, blend(a >> 16 & 255, b >> 16 & 255, alpha) << 16 | blend(a >> 8 & 255, b >> 8 & 255, alpha) << 8
                        | blend(a & 255, b & 255, alpha));
            }
        }
        return out;
    }

    /** Nearest-neighbour enlargement by an integer factor (small digits stay crisp). */
    public static BufferedImage enlarge(BufferedImage img, int factor) {
        if (factor <= 1) return img;
        BufferedImage out = new BufferedImage(img.getWidth() * factor, img.getHeight() * factor, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) out.setRGB(x, y, img.getRGB(x / factor, y / factor));
        }
        return out;
    }

    /** The factor that makes a tile of the given size about {@code target} pixels wide (at least 1). */
    public static int factorFor(int size, int target) {
        return Math.max(1, Math.round((float) target / Math.max(1, size)));
    }

    /**
     * Tiles in rows of {@code columns}, each with an optional caption below it (labels may be null),
     * under an optional title.
     */
    public static BufferedImage grid(List<BufferedImage> tiles, List<String> labels, int columns, String title) {
        if (tiles.isEmpty()) throw new IllegalArgumentException("nothing to draw: no tiles");
        int cols = Math.max(1, Math.min(columns, tiles.size())), rows = (tiles.size() + cols - 1) / cols, gap = 4;
        int tw = 0, th = 0;
        for (BufferedImage t : tiles) {
            tw = Math.max(tw, t.getWidth());
            th = Math.max(th, t.getHeight());
        }
        int caption = labels == null ? 0 : 14, head = title == null ? 0 : 20;
        int width = cols * (tw + gap) + gap, height = head + rows * (th + caption + gap) + gap;
        BufferedImage out = new BufferedImage(Math.max(width, title == null ? 0 : 7 * title.length() + 10), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(out);
        if (title != null) g.drawString(title, gap, 14);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < tiles.size(); i++) {
            int x = gap + (i % cols) * (tw + gap), y = head + gap + (i / cols) * (th + caption + gap);
            g.drawImage(tiles.get(i), x, y, null);
            if (labels != null && labels.get(i) != null) {
                String s = labels.get(i);
                g.drawString(s, x + Math.max(0, (tw - fm.stringWidth(s)) / 2), y + th + 11);
            }
        }
        g.dispose();
        return out;
    }

    /** A white canvas with antialiased dark text, for drawing figures. */
    static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(INK);
        g.setFont(FONT);
        return g;
    }

    /** Writes {@code img} as PNG, creating parent folders. */
    public static void writePng(BufferedImage img, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer available for " + file);
    }

    /** Values of x (N, C, H, W) at sample n, channel c. */
    static float[] planeOf(Tensor x, int n, int c) {
        if (x.rank() != 4) throw new IllegalArgumentException("expected (N, C, H, W), got " + Shape.toString(x.shape()));
        int hw = x.dim(2) * x.dim(3);
        float[] out = new float[hw];
        System.arraycopy(x.data(), (n * x.dim(1) + c) * hw, out, 0, hw);
        return out;
    }

    private static int level(double v, double lo, double hi) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 0;
        return (int) Math.round(255 * Math.min(1, Math.max(0, t)));
    }

    private static int blend(int a, int b, double alpha) {
        return (int) Math.round(a * (1 - alpha) + b * alpha);
    }
}
