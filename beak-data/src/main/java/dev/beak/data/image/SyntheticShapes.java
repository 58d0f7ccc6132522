package dev.beak.data.image;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a small image-folder dataset of coloured shapes (circles, squares, triangles) of random size,
 * colour and place on a noisy background, one subfolder per shape: a stand-in for the seeds'
 * cats-vs-dogs folders in tests, demos and benchmarks.
 */
public final class SyntheticShapes {
    public static final List<String> CLASSES = List.of("circle", "square", "triangle");

    private SyntheticShapes() {}

    /** {@code perClass} JPEGs of {@code size x size} for each of the first {@code classes} shapes; returns {@code root}. */
    public static Path write(Path root, int classes, int perClass, int size, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int c = 0; c < classes; c++) {
            Path dir = Files.createDirectories(root.resolve(CLASSES.get(c)));
            for (int i = 0; i < perClass; i++) {
                ImageIO.write(draw(c, size, rng), "jpeg", dir.resolve(String.format("%04d.jpg", i)).toFile());
            }
        }
        return root;
    }

    /** One picture of shape {@code kind} (0 circle, 1 square, 2 triangle). */
    public static BufferedImage draw(int kind, int size, SplittableRandom rng) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int bg = 30 + rng.nextInt(60);
        g.setColor(new Color(bg, bg, bg));
        g.fillRect(0, 0, size, size);
        for (int k = 0; k < size * size / 16; k++) { // speckle so that the background is not flat
            int v = bg + rng.nextInt(40) - 20;
            g.setColor(new Color(Math.max(0, v), Math.max(0, v), Math.max(0, v)));
            g.fillRect(rng.nextInt(size), rng.nextInt(size), 1, 1);
        }
        g.setColor(Color.getHSBColor((float) rng.nextDouble(), 0.6f + 0.4f * (float) rng.nextDouble(), 0.7f + 0.3f * (float) rng.nextDouble()));
        int s = size / 2 + rng.nextInt(Math.max(1, size / 4)), x = rng.nextInt(size - s + 1), y = rng.nextInt(size - s + 1);
        switch (kind) {
            case 0 -> g.fillOval(x, y, s, s);
            case 1 -> g.fillRect(x, y, s, s);
            default -> g.fillPolygon(new int[] {x, x + s / 2, x + s}, new int[] {y + s, y, y + s}, 3);
        }
        g.dispose();
        return img;
    }
}
