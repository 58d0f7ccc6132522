package dev.beak.viz;

import dev.beak.dataset.Dataset;
import dev.beak.nn.Model;
import dev.beak.nn.metric.ConfusionMatrix;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A picture of a {@link ConfusionMatrix} (true class in rows, predicted class in columns): cells
 * are shaded by the fraction of their row, the diagonal in blue and mistakes in red, so each class's
 * errors stand out whatever its size; the counts are written in the cells.
 *
 * {@snippet :
 * ConfusionChart.of(model, EmbeddedMnist.test(), 256).writePng(Path.of("confusion.png"));
 * }
 */
public record ConfusionChart(ConfusionMatrix matrix) {

    /** The chart of {@code model}'s predictions on {@code data} ({@link ConfusionMatrix#of}). */
    public static ConfusionChart of(Model model, Dataset data, int batchSize) {
        return new ConfusionChart(ConfusionMatrix.of(model, data, batchSize));
    }

    /** The matrix as a picture: row-normalised shading, counts in the cells. */
    private static final Color BLUE = new Color(0x08519c), RED = new Color(0xcb181d);
    private static final int BAR_WIDTH = 16, BAR_HEIGHT = 240;

    public BufferedImage toImage() {
        int k = matrix.classes(), cell = k <= 12 ? 56 : Math.max(16, 720 / k), left = 60, top = 50;
        int bars = left + k * cell + 24, size = bars + 2 * BAR_WIDTH + 90;
        BufferedImage img = new BufferedImage(size, Math.max(top + k * cell + 40, top + BAR_HEIGHT + 60), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Pictures.canvas(img);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(String.format(Locale.ROOT, "Confusion matrix: accuracy %.4f on %,d", matrix.accuracy(), matrix.total()), 8, 16);
        g.drawString("predicted", left + k * cell / 2 - 25, top - 20);
        for (int i = 0; i < k; i++) {
            long row = matrix.support(i);
            String label = Integer.toString(i);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label, left - 12 - fm.stringWidth(label), top + i * cell + cell / 2 + 4);
            g.drawString(label, left + i * cell + (cell - fm.stringWidth(label)) / 2, top - 4);
            for (int j = 0; j < k; j++) {
                long count = matrix.count(i, j);
                double f = row == 0 ? 0 : (double) count / row;
                // Diagonal in blues, errors in reds: a pale cell is a rare mistake, a dark one a common confusion.
                Color c = i == j ? shade(BLUE, f) : shade(RED, Math.min(1, 4 * f));
                g.setColor(c);
                g.fillRect(left + j * cell, top + i * cell, cell - 1, cell - 1);
                if (cell >= 24 && count > 0) {
                    String s = Long.toString(count);
                    g.setColor(f > 0.5 || (i != j && f > 0.15) ? Color.WHITE : Color.BLACK);
                    g.drawString(s, left + j * cell + (cell - fm.stringWidth(s)) / 2, top + i * cell + cell / 2 + 4);
                }
            }
        }
        g.setColor(Color.DARK_GRAY);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString("true", -(top + k * cell / 2 + 10), 18);
        g.setTransform(saved);
        colourBar(g, bars, top, BLUE, 1, "correct");
        colourBar(g, bars + BAR_WIDTH + 45, top, RED, 0.25, "errors");
        g.dispose();
        return img;
    }

    /**
     * The scale of one shading: white at 0 of the row to full colour at {@code max} of the row (errors
     * saturate at a quarter of a row, so that rare confusions still show).
     */
    private static void colourBar(Graphics2D g, int x, int top, Color full, double max, String title) {
        for (int y = 0; y < BAR_HEIGHT; y++) {
            g.setColor(shade(full, 1 - y / (double) (BAR_HEIGHT - 1)));
            g.fillRect(x, top + y, BAR_WIDTH, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, top, BAR_WIDTH, BAR_HEIGHT);
        g.drawString(title, x, top - 6);
        for (int t = 0; t <= 4; t++) {
            int y = top + BAR_HEIGHT - t * BAR_HEIGHT / 4;
            g.drawLine(x + BAR_WIDTH, y, x + BAR_WIDTH + 3, y);
            g.drawString(String.format(Locale.ROOT, "%.0f%%", 100 * max * t / 4), x + BAR_WIDTH + 5, y + 4);
        }
        g.drawString("of the row", x, top + BAR_HEIGHT + 16);
    }

    public void writePng(Path file) throws IOException {
        Pictures.writePng(toImage(), file);
    }

    private static Color shade(Color full, double f) {
        return new Color(mix(255, full.getRed(), f), mix(255, full.getGreen(), f), mix(255, full.getBlue(), f));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * Math.min(1, Math.max(0, t)));
    }
}
