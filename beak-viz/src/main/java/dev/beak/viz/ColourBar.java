package dev.beak.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The value scale of a picture drawn through a {@link Colormap}: a vertical bar beside the picture, its
 * highest value labelled at the top, its lowest at the bottom and the middle value between, with an
 * optional caption above (for example "weight" or "activation").
 *
 * {@snippet : BufferedImage withScale = ColourBar.beside(grid, Colormap.DIVERGING, -0.4, 0.4, "weight"); }
 */
public final class ColourBar {
    private static final int BAR_WIDTH = 14, MARGIN = 12, LABEL_WIDTH = 64, MIN_HEIGHT = 120, MAX_HEIGHT = 320;

    private ColourBar() {}

    /** {@code picture} with a bar for {@code map} over [lo, hi] on its right. */
    public static BufferedImage beside(BufferedImage picture, Colormap map, double lo, double hi, String caption) {
        int top = 24, height = Math.clamp(picture.getHeight() - top - 24, MIN_HEIGHT, MAX_HEIGHT);
        int width = picture.getWidth() + MARGIN + BAR_WIDTH + LABEL_WIDTH, total = Math.max(picture.getHeight(), top + height + 24);
        BufferedImage out = new BufferedImage(width, total, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Pictures.canvas(out);
        g.drawImage(picture, 0, 0, null);
        int x = picture.getWidth() + MARGIN;
        for (int y = 0; y < height; y++) {
            g.setColor(new Color(map.rgb(1 - y / (double) (height - 1))));
            g.fillRect(x, top + y, BAR_WIDTH, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, top, BAR_WIDTH, height);
        if (caption != null) g.drawString(caption, x, top - 8);
        double[] values = {hi, (lo + hi) / 2, lo};
        for (int t = 0; t < 3; t++) {
            int y = top + t * height / 2;
            g.drawLine(x + BAR_WIDTH, y, x + BAR_WIDTH + 3, y);
            g.drawString(label(values[t]), x + BAR_WIDTH + 5, y + 4);
        }
        g.dispose();
        return out;
    }

    /** Three significant digits, plain zero for zero. */
    static String label(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }
}
