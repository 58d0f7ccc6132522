package dev.beak.data.image;

import dev.beak.data.BadSampleException;
import dev.beak.data.DataFileException;
import dev.beak.data.SkipReport;
import dev.beak.dataset.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageFolderTest {
    @TempDir
    Path dir;

    private Path shapes(int perClass) throws IOException {
        return SyntheticShapes.write(dir.resolve("shapes"), 3, perClass, 24, 1);
    }

    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void scansClassesSortedAndLoadsResized() throws IOException {
        Path root = shapes(4);
        Files.writeString(root.resolve("circle/notes.txt"), "not an image, ignored");
        ImageFolder f = ImageFolder.scan(root);
        assertThat(f.classes()).containsExactly("circle", "square", "triangle");
        assertThat(f.countsPerClass()).containsExactly(4, 4, 4);
        assertThat(f.ignored()).isEqualTo(1);
        TensorDataset d = f.dataset(ImageOptions.of(16, 20)).load(2, new SkipReport());
        assertThat(d.x().shape()).containsExactly(12, 3, 16, 20);
        assertThat(d.y().data()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
        float max = 0;
        for (float v : d.x().data()) max = Math.max(max, v);
        assertThat(max).isBetween(100f, 255.5f); // pixels stay 0..255 until rescaled
    }

    @Test
    void decodesPngBmpGifGreyAndRgb() throws IOException {
        Path root = dir.resolve("formats");
        Files.createDirectories(root.resolve("a"));
        BufferedImage rgb = SyntheticShapes.draw(0, 10, new SplittableRandom(3));
        BufferedImage grey = new BufferedImage(10, 6, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(2, 3, 0, 200);
        Files.write(root.resolve("a/1.png"), encode(rgb, "png"));
        Files.write(root.resolve("a/2.bmp"), encode(rgb, "bmp"));
        Files.write(root.resolve("a/3.gif"), encode(rgb, "gif"));
        Files.write(root.resolve("a/4.png"), encode(grey, "png"));
        assertThat(ImageFiles.decode(root.resolve("a/4.png")).channels()).isEqualTo(1);
        assertThat(ImageFiles.decode(root.resolve("a/4.png")).data()[3 * 10 + 2]).isEqualTo(200f);
        FloatImage png = ImageFiles.decode(root.resolve("a/1.png")), bmp = ImageFiles.decode(root.resolve("a/2.bmp"));
        assertThat(png.channels()).isEqualTo(3);
        assertThat(bmp.data()).containsExactly(png.data()); // both lossless
        ImageFolder f = ImageFolder.scan(root);
        TensorDataset grey1 = f.dataset(ImageOptions.of(8, 8).withColor(ColorMode.GREY)).load(1, new SkipReport());
        assertThat(grey1.x().shape()).containsExactly(4, 1, 8, 8);
    }

    @Test
    void resizeKeepsAspectByCroppingOrStretches() {
        float[] d = new float[4 * 8];
        for (int x = 0; x < 8; x++) for (int y = 0; y < 4; y++) d[y * 8 + x] = x;
        FloatImage wide = new FloatImage(1, 4, 8, d);
        FloatImage crop = wide.resize(4, 4, ResizeMode.CROP), stretch = wide.resize(4, 4, ResizeMode.STRETCH);
        assertThat(crop.data()[0]).isEqualTo(2f);       // the centre columns 2..5 survive
        assertThat(crop.data()[3]).isEqualTo(5f);
        assertThat(stretch.data()[0]).isEqualTo(0.5f);  // half-pixel sampling across the whole width
        assertThat(stretch.data()[3]).isEqualTo(6.5f);
    }

    @Test
    void splitIsPerClassSeededAndDisjoint() throws IOException {
        ImageFolder f = ImageFolder.scan(shapes(10));
        ImageFolder.Split a = f.split(0.2, 7), b = f.split(0.2, 7);
        assertThat(a.validation().countsPerClass()).containsExactly(2, 2, 2);
        assertThat(a.train().size()).isEqualTo(24);
        assertThat(a.validation().entries()).isEqualTo(b.validation().entries());
        assertThat(a.train().entries()).doesNotContainAnyElementsOf(a.validation().entries());
        ImageFolder.ThreeWaySplit t = f.split(0.2, 0.1, 7);
        assertThat(t.validation().countsPerClass()).containsExactly(2, 2, 2);
        assertThat(t.test().countsPerClass()).containsExactly(1, 1, 1);
        assertThat(t.train().size()).isEqualTo(21);
        assertThat(t.test().entries()).doesNotContainAnyElementsOf(t.train().entries()).doesNotContainAnyElementsOf(t.validation().entries());
    }

    // ---- bad input -------------------------------------------------------------------------------

    @Test
    void missingRootFileRootAndNoClassFolders() throws IOException {
        assertThatThrownBy(() -> ImageFolder.scan(dir.resolve("nope"))).isInstanceOf(DataFileException.class).hasMessageContaining("nope: no such folder");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThatThrownBy(() -> ImageFolder.scan(file)).hasMessageContaining("file.txt: is a file");
        Path flat = Files.createDirectories(dir.resolve("flat"));
        Files.write(flat.resolve("a.jpg"), new byte[] {1});
        assertThatThrownBy(() -> ImageFolder.scan(flat)).hasMessageContaining("has no class folders");
    }

    @Test
    void emptyClassFolderIsAnError() throws IOException {
        Path root = shapes(2);
        Files.createDirectories(root.resolve("zebra"));
        Files.writeString(root.resolve("zebra/readme.txt"), "no images here");
        assertThatThrownBy(() -> ImageFolder.scan(root)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("zebra").hasMessageContaining("has no images");
    }

    @Test
    void corruptTruncatedAndNonImageFilesAreNamed() throws IOException {
        Path root = shapes(3);
        byte[] jpeg = Files.readAllBytes(root.resolve("circle/0000.jpg"));
        Files.write(root.resolve("circle/truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        byte[] png = encode(SyntheticShapes.draw(1, 24, new SplittableRandom(2)), "png");
        Files.write(root.resolve("square/truncated.png"), Arrays.copyOf(png, png.length / 2));
        Files.writeString(root.resolve("square/text.jpg"), "hello, I am a text file");
        Files.write(root.resolve("triangle/empty.png"), new byte[0]);
        byte[] garbled = jpeg.clone();
        for (int i = 200; i < garbled.length - 2; i++) garbled[i] = (byte) (i * 31);
        Files.write(root.resolve("triangle/garbled.jpg"), garbled);

        assertThatThrownBy(() -> ImageFiles.decode(root.resolve("circle/truncated.jpg")))
                .isInstanceOf(DataFileException.class).hasMessageStartingWith(root.resolve("circle/truncated.jpg").toString());
        assertThatThrownBy(() -> ImageFiles.decode(root.resolve("square/truncated.png"))).hasMessageContaining("truncated.png: ");
        assertThatThrownBy(() -> ImageFiles.decode(root.resolve("square/text.jpg"))).hasMessageContaining("not an image");
        assertThatThrownBy(() -> ImageFiles.decode(root.resolve("triangle/empty.png"))).hasMessageContaining("is empty");
        assertThatThrownBy(() -> ImageFiles.decode(root.resolve("triangle/garbled.jpg"))).isInstanceOf(DataFileException.class);

        ImageDataset strict = ImageFolder.scan(root).dataset(ImageOptions.of(16, 16));
        assertThatThrownBy(() -> strict.load(2, new SkipReport())).isInstanceOf(DataFileException.class)
                .hasMessageContaining("truncated.jpg");
        int bad = (int) java.util.stream.IntStream.range(0, strict.size()).filter(i -> {
            try {
                strict.copy(i, new float[3 * 16 * 16], 0, new float[1], 0);
                return false;
            } catch (BadSampleException e) {
                return true;
            }
        }).count();
        assertThat(bad).isEqualTo(5);

        SkipReport report = new SkipReport();
        TensorDataset ok = ImageFolder.scan(root).dataset(ImageOptions.of(16, 16).withSkipBad(true)).load(2, report);
        assertThat(ok.size()).isEqualTo(9);
        assertThat(report.entries()).extracting(e -> Path.of(e.source()).getFileName().toString())
                .containsExactly("truncated.jpg", "text.jpg", "truncated.png", "empty.png", "garbled.jpg");
        assertThat(report.summary()).startsWith("Skipped 5 bad files:");
    }

    @Test
    void unreadableEntriesFoundWhileScanning() throws IOException {
        Path root = shapes(2);
        Files.createSymbolicLink(root.resolve("circle/dangling.jpg"), root.resolve("circle/missing.jpg"));
        Files.createDirectories(root.resolve("square/folder.png"));
        ImageFolder f = ImageFolder.scan(root);
        assertThat(f.problems()).extracting(e -> e.problem()).containsExactly("is a broken link", "is a folder, not an image file");
        assertThatThrownBy(() -> f.dataset(ImageOptions.of(8, 8))).hasMessageContaining("dangling.jpg: is a broken link");
        SkipReport report = new SkipReport();
        assertThat(f.dataset(ImageOptions.of(8, 8).withSkipBad(true)).load(1, report).size()).isEqualTo(6);
        assertThat(report.size()).isEqualTo(2);
    }

    @Test
    void headerSizesAreCheckedBeforeDecoding() throws IOException {
        byte[] png = encode(SyntheticShapes.draw(0, 8, new SplittableRandom(1)), "png");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png);
        b.putInt(16, 200_000).putInt(20, 200_000); // IHDR width and height, then a valid CRC so only the sizes are wrong
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        Path huge = Files.write(dir.resolve("huge.png"), png);
        assertThatThrownBy(() -> ImageFiles.decode(huge)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("huge.png: header (200000 x 200000) declares 40,000,000,000 pixels");
    }
}
