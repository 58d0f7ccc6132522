package dev.beak.viz;

import dev.beak.autograd.Autograd;
import dev.beak.dataset.Batch;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.nn.Model;
import dev.beak.nn.metric.Accuracy;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Counts of true class (rows) against predicted class (columns); cells are shaded by the fraction
 * of their row, so each class's errors stand out whatever its size.
 *
 * {@snippet :
 * ConfusionMatrix cm = ConfusionMatrix.of(model, EmbeddedMnist.test(), 256);
 * cm.writePng(Path.of("confusion.png"));
 * }
 */
public record ConfusionMatrix(int[][] counts) {
    public ConfusionMatrix {
        for (int[] row : counts) {
            if (row.length != counts.length) throw new IllegalArgumentException("a confusion matrix must be square");
        }
    }

    /** Predictions of {@code model} (arg-max of its output) on all of {@code data}, in evaluation mode. */
    public static ConfusionMatrix of(Model model, Dataset data, int batchSize) {
        int[][] counts = null;
        try (var scope = Autograd.noGrad()) {
            for (Batch b : Batches.inOrder(data, batchSize)) {
                var out = model.forward(b.x(), false);
                int n = out.dim(0), k = out.size() / n;
                if (counts == null) counts = new int[k][k];
                float[] o = out.data(), y = b.y().data();
                boolean oneHot = b.y().rank() == 2;
                for (int i = 0; i < n; i++) {
                    int truth = oneHot ? Accuracy.argmax(y, i * k, k) : (int) y[i];
                    if (truth < 0 || truth >= k) throw new IllegalArgumentException("label " + truth + " of sample " + i + " is outside 0.." + (k - 1));
                    counts[truth][Accuracy.argmax(o, i * k, k)]++;
                }
            }
        }
        if (counts == null) throw new IllegalArgumentException("the data is empty");
        return new ConfusionMatrix(counts);
    }

    public int classes() {
        return counts.length;
    }

    public long total() {
        long t = 0;
        for (int[] r : counts) for (int v : r) t += v;
        return t;
    }

    /** The fraction on the diagonal. */
    public double accuracy() {
        long d = 0;
        for (int i = 0; i < counts.length; i++) d += counts[i][i];
        return (double) d / Math.max(1, total());
    }

    /** The matrix as a picture: row-normalised shading, counts in the cells. */
    public BufferedImage toImage() {
        int k = counts.length, cell = k <= 12 ? 40 : Math.max(12, 480 / k), left = 60, top = 50;
        int size = left + k * cell + 20;
        BufferedImage img = new BufferedImage(size, top + k * cell + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Pictures.canvas(img);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(String.format(Locale.ROOT, "Confusion matrix: accuracy %.4f on %,d", accuracy(), total()), 8, 16);
        g.drawString("predicted", left + k * cell / 2 - 25, top - 20);
        for (int i = 0; i < k; i++) {
            long row = 0;
            for (int v : counts[i]) row += v;
            String label = Integer.toString(i);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label, left - 12 - fm.stringWidth(label), top + i * cell + cell / 2 + 4);
            g.drawString(label, left + i * cell + (cell - fm.stringWidth(label)) / 2, top - 4);
            for (int j = 0; j < k; j++) {
                double f = row == 0 ? 0 : (double) counts[i][j] / row;
                // Diagonal in blues, errors in reds: a pale cell is a rare mistake, a dark one a common confusion.
                Color c = i == j ? shade(new Color(0x08519c), f) : shade(new Color(0xcb181d), Math.min(1, 4 * f));
                g.setColor(c);
                g.fillRect(left + j * cell, top + i * cell, cell - 1, cell - 1);
                if (cell >= 24 && counts[i][j] > 0) {
                    String s = Integer.toString(counts[i][j]);
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
        g.dispose();
        return img;
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
