package dev.beak.fuzz;

import dev.beak.data.Cifar;
import dev.beak.data.DataFileException;
import dev.beak.data.IdxReader;
import dev.beak.data.image.ImageFiles;
import dev.beak.data.image.ImageFolder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Harnesses for beak-data's loaders: IDX (plain and gzip), CIFAR binary, single images, image folders. */
final class DataHarnesses {
    private DataHarnesses() {}

    /** Loaders of beak-data refuse a file with a {@link DataFileException} naming it. */
    static boolean dataFileException(Throwable t) {
        return t instanceof DataFileException;
    }

    static Harness idx() {
        return new Harness() {
            public String name() {
                return "idx";
            }

            public List<byte[]> seeds() throws IOException {
                byte[] images = idxFile(0x08, new int[] {3, 4, 4}, 48), labels = idxFile(0x08, new int[] {3}, 3);
                byte[] floats = idxFile(0x0D, new int[] {2, 2}, 16);
                return List.of(images, labels, floats, gzip(images), gzip(labels));
            }

            public void load(Path file, Path scratch) throws IOException {
                IdxReader.read(file).toTensor();
            }

            public boolean expected(Throwable t) {
                return dataFileException(t);
            }
        };
    }

    static Harness cifar() {
        return new Harness() {
            public String name() {
                return "cifar";
            }

            public List<byte[]> seeds() {
                byte[] three = new byte[3 * (1 + Cifar.PIXELS)];
                for (int i = 0; i < three.length; i++) three[i] = (byte) (i * 31);
                for (int r = 0; r < 3; r++) three[r * (1 + Cifar.PIXELS)] = (byte) (r + 2);
                return List.of(three, java.util.Arrays.copyOf(three, 1 + Cifar.PIXELS));
            }

            public void load(Path file, Path scratch) throws IOException {
                Cifar.load(List.of(file), Cifar.Kind.CIFAR10);
            }

            public boolean expected(Throwable t) {
                return dataFileException(t);
            }
        };
    }

    static Harness image() {
        return new Harness() {
            public String name() {
                return "image";
            }

            public String fileName() {
                return "input.png";
            }

            public List<byte[]> seeds() throws IOException {
                return imageSeeds();
            }

            public void load(Path file, Path scratch) throws IOException {
                ImageFiles.decode(file);
            }

            public boolean expected(Throwable t) {
                return dataFileException(t);
            }
        };
    }

    /** A folder of two classes with one good image each, plus the input as a second image of class b. */
    static Harness imageFolder() {
        return new Harness() {
            private byte[] good;

            public String name() {
                return "image-folder";
            }

            public List<byte[]> seeds() throws IOException {
                List<byte[]> s = imageSeeds();
                good = s.get(0);
                return s;
            }

            public void load(Path file, Path scratch) throws IOException {
                Path root = scratch.resolve("folder");
                Files.createDirectories(root.resolve("a"));
                Files.createDirectories(root.resolve("b"));
                Files.write(root.resolve("a").resolve("one.png"), good);
                Files.write(root.resolve("b").resolve("one.png"), good);
                Files.copy(file, root.resolve("b").resolve("two.jpg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                ImageFolder folder = ImageFolder.scan(root);
                for (ImageFolder.Entry e : folder.entries()) ImageFiles.decode(e.file());
            }

            public boolean expected(Throwable t) {
                return dataFileException(t);
            }
        };
    }

    /** 8 x 8 images in each format ImageIO writes: PNG (colour and grey), JPEG, GIF, BMP. */
    static List<byte[]> imageSeeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        BufferedImage rgb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                rgb.setRGB(x, y, (x * 32) << 16 | (y * 32) << 8 | 128);
                grey.getRaster().setSample(x, y, 0, x * y * 4);
            }
        }
        for (String format : List.of("png", "jpg", "gif", "bmp")) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            if (!ImageIO.write(rgb, format, b)) throw new IOException("no ImageIO writer for " + format);
            seeds.add(b.toByteArray());
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(grey, "png", b);
        seeds.add(b.toByteArray());
        return seeds;
    }

    static byte[] idxFile(int type, int[] dims, int dataBytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.write(new byte[] {0, 0, (byte) type, (byte) dims.length});
        for (int x : dims) d.writeInt(x);
        for (int i = 0; i < dataBytes; i++) d.writeByte(i * 7);
        return b.toByteArray();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(plain);
        }
        return b.toByteArray();
    }
}
