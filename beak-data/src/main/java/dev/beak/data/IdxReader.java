package dev.beak.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import dev.beak.tensor.Limits;

/**
 * Reads IDX files, the format of the MNIST distribution: a magic number {@code 0x00 0x00 type rank},
 * {@code rank} big-endian int dimensions, then the values, big-endian, row-major. A file that starts
 * with the gzip magic {@code 0x1F 0x8B} is decompressed first, whatever its name.
 *
 * <p>Everything in the header is checked before any data array is allocated: the magic, the type code
 * (see {@link IdxType}), the rank (1 to 4), each dimension (not negative) and their product (it must
 * fit a Java array, and, for an uncompressed file of known size, fit in the file). Data that ends early
 * is reported as {@code truncated: expected N bytes of data, got M}. Bytes after the data the header
 * declares are an error too ({@code trailing data}), since they usually mean a wrong dimension; bytes
 * after the end of a gzip stream are ignored, as {@link GZIPInputStream} does. All such problems are
 * {@link DataFileException}s whose message starts with the file name.
 *
 * {@snippet :
 * IdxFile images = IdxReader.read(Path.of("train-images-idx3-ubyte.gz"));
 * int n = images.dim(0); // 60000
 * }
 */
public final class IdxReader {
    /** Largest rank accepted; MNIST uses 1 (labels) and 3 (images). */
    public static final int MAX_RANK = 4;

    private static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 16;
    private static final int FIRST_CHUNK = 1 << 20;

    private IdxReader() {}

    /** Reads an IDX file, gzipped or not. */
    public static IdxFile read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), size);
        }
    }

    /**
     * Reads an IDX stream, gzipped or not, to its end; {@code sourceName} names it in error messages.
     * The stream is not closed.
     */
    public static IdxFile read(InputStream in, String sourceName) throws IOException {
        return read(in, sourceName, -1);
    }

    /** {@code rawSize} is the stream's length in bytes if known, else -1. */
    private static IdxFile read(InputStream raw, String source, long rawSize) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read(), b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1F && b1 == 0x8B;
        InputStream in = gzip ? BoundedInputStream.inflated(openGzip(buffered, source), source) : buffered;
        long knownSize = gzip ? -1 : rawSize; // the decompressed size of a gzip stream is not known ahead

        byte[] magic = readHeader(in, 4, "magic number", source);
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DataFileException(source, "wrong magic: expected an IDX file (0x00 0x00 type rank) or gzip"
                    + " (0x1F 0x8B), got " + hex(magic));
        }
        IdxType type = IdxType.ofCode(magic[2] & 0xFF);
        if (type == null) {
            throw new DataFileException(source, String.format("unknown type code 0x%02X; IDX types are %s",
                    magic[2] & 0xFF, IdxType.describeAll()));
        }
        int rank = magic[3] & 0xFF;
        if (rank < 1 || rank > MAX_RANK) {
            throw new DataFileException(source, "rank (number of dimensions) is " + rank + ", expected 1 to " + MAX_RANK);
        }
        ByteBuffer dimBytes = ByteBuffer.wrap(readHeader(in, 4 * rank, "dimensions", source));
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) dims[i] = dimBytes.getInt();
        int dataBytes = checkedDataBytes(dims, type, source);

        long headerBytes = 4 + 4L * rank;
        if (knownSize >= 0 && knownSize - headerBytes < dataBytes) {
            throw truncated(source, dataBytes, knownSize - headerBytes);
        }
        String tooMany = Limits.current().elementsProblem("header sizes " + Arrays.toString(dims), dataBytes / type.bytes());
        if (tooMany != null) throw new DataFileException(source, tooMany);
        byte[] data = readData(in, dataBytes, knownSize >= 0, source);
        long trailing = countRest(in, source);
        if (trailing > 0) {
            throw new DataFileException(source, "trailing data: " + trailing + " bytes after the " + dataBytes
                    + " bytes of data that dimensions " + Arrays.toString(dims) + " of " + type
                    + " declare (is a dimension wrong?)");
        }
        return new IdxFile(source, type, dims, data);
    }

    /** The data size in bytes the header declares, after checking it is sane. */
    private static int checkedDataBytes(int[] dims, IdxType type, String source) throws DataFileException {
        long bytes = type.bytes();
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new DataFileException(source, "dimension " + i + " is negative in header sizes " + Arrays.toString(dims));
            }
            bytes *= dims[i]; // cannot overflow: bytes <= 2^31 and dims[i] < 2^31 here
            if (bytes > MAX_DATA_BYTES) {
                throw new DataFileException(source, "header sizes " + Arrays.toString(dims) + " of " + type
                        + " overflow: they need more than " + MAX_DATA_BYTES + " bytes, the most a Java array can hold");
            }
        }
        return (int) bytes;
    }

    private static InputStream openGzip(InputStream in, String source) throws IOException {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            throw new DataFileException(source, "corrupt gzip header: " + e.getMessage(), e);
        }
    }

    private static byte[] readHeader(InputStream in, int n, String what, String source) throws IOException {
        byte[] b;
        try {
            b = in.readNBytes(n);
        } catch (IOException e) {
            throw new DataFileException(source, "cannot read the " + what + ": " + e.getMessage(), e);
        }
        if (b.length < n) {
            throw new DataFileException(source, "truncated header: expected " + n + " bytes of " + what + ", got " + b.length);
        }
        return b;
    }

    /**
     * Reads exactly {@code n} bytes. When the size is not known ahead (gzip, plain streams) the buffer
     * grows as data arrives, so a header that lies about its sizes cannot make us allocate gigabytes.
     */
    private static byte[] readData(InputStream in, int n, boolean sizeKnown, String source) throws IOException {
        byte[] buf = new byte[sizeKnown ? n : Math.min(n, FIRST_CHUNK)];
        int got = 0;
        try {
            while (got < n) {
                if (got == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
                int r = in.read(buf, got, buf.length - got);
                if (r < 0) break;
                got += r;
            }
        } catch (IOException e) {
            throw new DataFileException(source, "truncated: expected " + n + " bytes of data, got " + got
                    + " before the stream failed (" + e.getMessage() + ")", e);
        }
        if (got < n) throw truncated(source, n, got);
        return buf;
    }

    private static long countRest(InputStream in, String source) throws IOException {
        try {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new DataFileException(source, "corrupt data after the declared values: " + e.getMessage(), e);
        }
    }

    private static DataFileException truncated(String source, long expected, long got) {
        return new DataFileException(source, "truncated: expected " + expected + " bytes of data, got " + got);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(sb.isEmpty() ? "" : " ").append(String.format("0x%02X", x & 0xFF));
        return sb.toString();
    }
}
