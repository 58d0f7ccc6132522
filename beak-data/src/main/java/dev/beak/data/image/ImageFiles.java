package dev.beak.data.image;

import dev.beak.data.DataFileException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import dev.beak.tensor.Limits;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes JPEG, PNG, BMP and GIF files with {@code javax.imageio}, strictly: a decoder warning (for
 * example a JPEG that ends early, which ImageIO would otherwise fill with grey) is an error, so a bad
 * file never trains silently. Every problem is a {@link DataFileException} naming the file.
 */
public final class ImageFiles {
    /** File name extensions taken as images (lower case, without the dot). */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");
    /** Largest file read (bytes); the largest image decoded is {@link Limits#maxPixels}, checked from the header before decoding. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private ImageFiles() {}

    public static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The image files {@code paths} name: a file as given (whatever its name), a folder's files with an
     * image extension, searched recursively and sorted; in the order given. A path that does not exist is
     * an error naming it, and so is finding no image at all.
     */
    public static List<Path> list(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) throw new IllegalArgumentException(p + ": no such file or folder");
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (var s = Files.walk(p)) {
                files.addAll(s.filter(Files::isRegularFile).filter(ImageFiles::hasImageExtension).sorted().toList());
            }
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no image files (" + String.join(", ", EXTENSIONS) + ") in " + paths);
        return files;
    }

    /** Decodes a file to floats 0..255 with the channels it has (1 for grey, else 3; alpha is dropped). */
    public static FloatImage decode(Path file) throws DataFileException {
        return toFloat(read(file));
    }

    /** Decodes, converts to {@code color} and resizes to {@code h x w}; h or w {@code <= 0} keeps the size. */
    public static FloatImage decode(Path file, ColorMode color, int h, int w, ResizeMode mode) throws DataFileException {
        FloatImage img = decode(file).withChannels(color.channels());
        return h > 0 && w > 0 ? img.resize(h, w, mode) : img;
    }

    /** The same for image bytes (a file's content read elsewhere, e.g. a Spark binaryFile row); {@code source} names them in messages. */
    public static FloatImage decode(byte[] bytes, String source, ColorMode color, int h, int w, ResizeMode mode) throws DataFileException {
        FloatImage img = toFloat(read(bytes, source)).withChannels(color.channels());
        return h > 0 && w > 0 ? img.resize(h, w, mode) : img;
    }

    /** Reads the file into a {@link BufferedImage}, treating decoder warnings as errors. */
    public static BufferedImage read(Path file) throws DataFileException {
        String source = file.toString();
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new DataFileException(source, Files.isDirectory(file) ? "is a folder, not an image file"
                        : Files.isSymbolicLink(file) ? "is a broken link" : "is not a regular file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) throw new DataFileException(source, "is " + size + " bytes, more than the " + MAX_FILE_BYTES + " an image file may have");
            bytes = Files.readAllBytes(file);
        } catch (DataFileException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFileException(source, "cannot read: " + e, e);
        }
        if (bytes.length == 0) throw new DataFileException(source, "is empty (0 bytes)");
        return read(bytes, source);
    }

    /**
     * Decodes image bytes; {@code source} names them in messages. The JDK's own reader for the format
     * goes first (the fastest); when it cannot decode the file (a CMYK JPEG, say) the other registered
     * readers (TwelveMonkeys, when present) get their turn. Decoder warnings fail at once.
     */
    public static BufferedImage read(byte[] bytes, String source) throws DataFileException {
        List<ImageReader> readers = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageIO.getImageReaders(in).forEachRemaining(readers::add);
        } catch (IOException e) {
            throw new DataFileException(source, "cannot read: " + e.getMessage(), e);
        }
        if (readers.isEmpty()) {
            throw new DataFileException(source, "not an image: the content is not JPEG, PNG, BMP or GIF (starts with " + hexStart(bytes) + ")");
        }
        readers.sort(java.util.Comparator.comparing(r -> r.getClass().getName().startsWith("com.sun.imageio.") ? 0 : 1));
        DataFileException first = null;
        for (ImageReader reader : readers) {
            try {
                Attempt a = read(reader, bytes, source);
                if (a.image() != null) return a.image();
                if (first == null) first = a.failure();
            } finally {
                reader.dispose();
            }
        }
        throw first;
    }

    /** A decoded image, or why this reader could not decode it (another reader may). */
    private record Attempt(BufferedImage image, DataFileException failure) {}

    /** Warnings and impossible header sizes throw: no other reader should be tried on such a file. */
    private static Attempt read(ImageReader reader, byte[] bytes, String source) throws DataFileException {
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            long w = reader.getWidth(0), h = reader.getHeight(0);
            String tooLarge = Limits.current().pixelsProblem("header", w, h);
            if (tooLarge != null) throw new DataFileException(source, tooLarge + " (a corrupt header, or an image far too large to train on)");
            BufferedImage img = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new DataFileException(source, "corrupt " + reader.getFormatName().toUpperCase(Locale.ROOT) + " data: " + String.join("; ", warnings));
            }
            return new Attempt(img, null);
        } catch (DataFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports truncated and corrupt data as IIOException, EOFException or, for some formats, runtime errors.
            return new Attempt(null, new DataFileException(source, "corrupt or truncated image (or a variant no installed reader decodes): "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()), e));
        }
    }

    /** Pixels as floats 0..255, channels first; grey images (no alpha) give 1 channel, others 3. */
    public static FloatImage toFloat(BufferedImage img) {
        int h = img.getHeight(), w = img.getWidth(), plane = h * w;
        switch (img.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR -> {
                // The common JPEG case: read the interleaved BGR bytes directly (about 10x faster than getRGB).
                byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
                float[] out = new float[3 * plane];
                for (int p = 0, i = 0; p < plane; p++, i += 3) {
                    out[p] = px[i + 2] & 0xFF;
                    out[plane + p] = px[i + 1] & 0xFF;
                    out[2 * plane + p] = px[i] & 0xFF;
                }
                return new FloatImage(3, h, w, out);
            }
            case BufferedImage.TYPE_BYTE_GRAY -> {
                byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
                float[] out = new float[plane];
                for (int p = 0; p < plane; p++) out[p] = px[p] & 0xFF;
                return new FloatImage(1, h, w, out);
            }
            default -> {
                int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
                float[] out = new float[3 * plane];
                for (int p = 0; p < plane; p++) {
                    out[p] = (rgb[p] >> 16) & 0xFF;
                    out[plane + p] = (rgb[p] >> 8) & 0xFF;
                    out[2 * plane + p] = rgb[p] & 0xFF;
                }
                return new FloatImage(3, h, w, out);
            }
        }
    }

    /** Writes channels-first floats (clamped to 0..255) as a PNG, JPEG or BMP by the file's extension. */
    public static void write(FloatImage img, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpeg" : name.endsWith(".bmp") ? "bmp" : "png";
        if (!ImageIO.write(toBuffered(img), format, file.toFile())) throw new IOException("no ImageIO writer for " + format);
    }

    /** Channels-first floats 0..255 (clamped) to an 8-bit RGB or grey image. */
    public static BufferedImage toBuffered(FloatImage img) {
        int h = img.height(), w = img.width(), plane = h * w;
        float[] d = img.data();
        boolean grey = img.channels() == 1;
        BufferedImage out = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        if (grey) {
            byte[] px = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            for (int p = 0; p < plane; p++) px[p] = (byte) clamp(d[p]);
        } else {
            int[] rgb = new int[plane];
            for (int p = 0; p < plane; p++) rgb[p] = clamp(d[p]) << 16 | clamp(d[plane + p]) << 8 | clamp(d[2 * plane + p]);
            out.setRGB(0, 0, w, h, rgb, 0, w);
        }
        return out;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    private static String hexStart(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, b.length); i++) sb.append(String.format("%s0x%02X", i == 0 ? "" : " ", b[i] & 0xFF));
        return sb.toString();
    }
}
