package dev.beak.data.augment;

import dev.beak.data.Cifar;
import dev.beak.data.DataFileException;
import dev.beak.data.Mnist;
import dev.beak.data.image.ColorMode;
import dev.beak.data.image.FloatImage;
import dev.beak.data.image.ImageFiles;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.ResizeMode;
import dev.beak.dataset.TensorDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A picture of what an augmentation does ({@code beak data preview}): a grid with one row per image,
 * the image (centre-cropped to the augmentation's output size) first, then augmented copies, on a
 * white background with 2-pixel gaps. Images come from an image folder (spread over its classes) or
 * from the test split of a CIFAR or IDX folder; pixels are 0..255.
 *
 * {@snippet :
 * List<FloatImage> images = AugmentationPreview.samples(Path.of("flowers"), 6, 128, 128, System.err::println);
 * ImageFiles.write(AugmentationPreview.grid(images, Augmentations.randomFlip(), 7, 1), Path.of("preview.png"));
 * }
 */
public final class AugmentationPreview {
    private static final int GAP = 2;

    private AugmentationPreview() {}

    /**
     * Up to {@code count} images of {@code path}, pixels 0..255: a CIFAR or IDX folder's first test samples, or
     * image files spread evenly over an image folder's (class-ordered) files, decoded in RGB at {@code h x w}
     * (centre crop). A file that does not decode is reported to {@code skipped} and its next neighbour taken.
     */
    public static List<FloatImage> samples(Path path, int count, int h, int w, Consumer<String> skipped) throws IOException {
        if (count < 1) throw new IllegalArgumentException("the preview needs at least one image, got " + count);
        List<FloatImage> list = new ArrayList<>();
        if (Files.isDirectory(path) && (Cifar.isCifarDir(path) || Files.exists(path.resolve("t10k-images-idx3-ubyte.gz"))
                || Files.exists(path.resolve("t10k-images-idx3-ubyte")))) {
            TensorDataset d = Cifar.isCifarDir(path) ? Cifar.loadDir(path, "test") : Mnist.loadDir(path, "test");
            int[] s = d.sampleShape();
            int per = s[0] * s[1] * s[2];
            for (int i = 0; i < Math.min(count, d.size()); i++) {
                float[] px = Arrays.copyOfRange(d.x().data(), i * per, (i + 1) * per);
                for (int k = 0; k < per; k++) px[k] *= 255;
                list.add(new FloatImage(s[0], s[1], s[2], px));
            }
            return list;
        }
        ImageFolder folder = ImageFolder.scan(path);
        int n = Math.min(count, folder.size());
        for (int i = 0; i < n; i++) {
            for (int k = (int) ((long) i * folder.size() / n); k < folder.size(); k++) {
                try {
                    list.add(ImageFiles.decode(folder.entries().get(k).file(), ColorMode.RGB, h, w, ResizeMode.CROP));
                    break;
                } catch (DataFileException e) {
                    skipped.accept("skipping " + e.getMessage());
                }
            }
        }
        if (list.isEmpty()) throw new IllegalArgumentException("no image in " + path + " could be decoded");
        return list;
    }

    /**
     * The grid: one row per image, the original (centre-cropped to the augmented size) then {@code variants}
     * augmented copies drawn from generators split off one seeded by {@code seed}, in the first image's channels.
     */
    public static FloatImage grid(List<FloatImage> images, Augmentation aug, int variants, long seed) {
        if (images.isEmpty()) throw new IllegalArgumentException("the preview needs at least one image");
        if (variants < 0) throw new IllegalArgumentException("variants must be >= 0, got " + variants);
        int[] cell = aug.outputShape(images.getFirst().shape());
        int ch = cell[0], h = cell[1], w = cell[2], cols = variants + 1, rows = images.size();
        int gh = rows * (h + GAP) + GAP, gw = cols * (w + GAP) + GAP;
        float[] grid = new float[ch * gh * gw];
        Arrays.fill(grid, 255);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int r = 0; r < rows; r++) {
            FloatImage original = images.get(r);
            for (int c = 0; c < cols; c++) {
                FloatImage img = c == 0 ? Augmentations.centerCrop(h, w).apply(original, rng) : aug.apply(original, rng.split());
                place(grid, ch, gh, gw, img, GAP + r * (h + GAP), GAP + c * (w + GAP));
            }
        }
        return new FloatImage(ch, gh, gw, grid);
    }

    /** Copies {@code img} (in {@code ch} channels) into the (ch, gh, gw) grid with its corner at (y, x). */
    private static void place(float[] grid, int ch, int gh, int gw, FloatImage img, int y, int x) {
        FloatImage src = img.withChannels(ch);
        for (int c = 0; c < ch; c++) {
            for (int r = 0; r < src.height(); r++) {
                System.arraycopy(src.data(), (c * src.height() + r) * src.width(), grid, (c * gh + y + r) * gw + x, src.width());
            }
        }
    }
}
