package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.tensor.Tensor;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes float32 tensors in the safetensors layout (huggingface/safetensors): an 8-byte
 * little-endian unsigned header length N, N bytes of UTF-8 JSON
 * {@code {"__metadata__": {...}, "name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...}}
 * padded with spaces to a multiple of 8, then the data section: each tensor's values as little-endian
 * float32, row-major, at {@code [begin, end)} relative to the start of the data section.
 *
 * <p>Only F32 is supported. Reading validates the whole header (see {@link SafetensorsHeader}) before
 * allocating tensor arrays, and reports problems as {@link DataFileException}s naming the source and
 * the tensor. Data that ends early and bytes after the data section are errors.
 *
 * {@snippet :
 * Safetensors.write(Path.of("weights.safetensors"), Map.of("w", w), Map.of("format", "beak"));
 * Map<String, Tensor> back = Safetensors.read(Path.of("weights.safetensors"));
 * }
 */
public final class Safetensors {
    /** Largest header accepted, as in the reference implementation: a bigger length field means a corrupt file. */
    public static final long MAX_HEADER_BYTES = 100_000_000;

    private static final int CHUNK_BYTES = 1 << 16;
    private static final int FIRST_ALLOCATION = 1 << 20;

    private Safetensors() {}

    /** Writes {@code tensors} in map order, without metadata. */
    public static void write(Map<String, Tensor> tensors, OutputStream out) throws IOException {
        write(tensors, Map.of(), out);
    }

    /** Writes {@code tensors} in map order and {@code metadata} as the header's {@code __metadata__}. */
    public static void write(Map<String, Tensor> tensors, Map<String, String> metadata, OutputStream out) throws IOException {
        byte[] json = SafetensorsHeader.of(tensors, metadata).toPaddedJson();
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer bytes = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        out.write(bytes.putLong(0, json.length).array(), 0, Long.BYTES);
        out.write(json);
        // Convert in bulk through a little-endian view of one reusable chunk.
        FloatBuffer floats = bytes.asFloatBuffer();
        for (Tensor t : tensors.values()) {
            float[] data = t.data();
            for (int i = 0; i < data.length; i += floats.capacity()) {
                int n = Math.min(floats.capacity(), data.length - i);
                floats.put(0, data, i, n);
                out.write(chunk, 0, n * Float.BYTES);
            }
        }
    }

    /** Writes a file atomically (see {@link AtomicFiles}). */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        AtomicFiles.write(file, out -> write(tensors, metadata, out));
    }

    /** Reads all tensors of a stream, in header order; {@code sourceName} names it in messages. */
    public static Map<String, Tensor> read(InputStream in, String sourceName) throws IOException {
        return readContents(in, sourceName).tensors();
    }

    /** Reads all tensors of a file, in header order. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        return readContents(file).tensors();
    }

    /** Reads tensors and metadata from a stream, to its end; the stream is not closed. */
    public static SafetensorsContents readContents(InputStream in, String sourceName) throws IOException {
        return read(in, sourceName, -1, shapes -> { });
    }

    /**
     * Reads tensors and metadata from a stream of {@code size} bytes (-1: unknown); {@code check} sees
     * each tensor's name and shape after the header is parsed and before any data is read, and may
     * refuse the file by throwing.
     */
    static SafetensorsContents readContents(InputStream in, String sourceName, long size, HeaderCheck check) throws IOException {
        return read(in, sourceName, size, check);
    }

    /** A check of the header's tensors (name to shape) before their data is read. */
    interface HeaderCheck {
        void check(Map<String, int[]> shapes) throws IOException;
    }

    /** Reads tensors and metadata from a file, checking the header against the file size first. */
    public static SafetensorsContents readContents(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES)) {
            return read(in, file.toString(), size, shapes -> { });
        }
    }

    /** {@code size} is the stream's length if known, else -1. */
    private static SafetensorsContents read(InputStream in, String source, long size, HeaderCheck check) throws IOException {
        byte[] lengthField = in.readNBytes(Long.BYTES);
        if (lengthField.length < Long.BYTES) {
            throw new DataFileException(source, "truncated: the 8-byte header length field has only " + lengthField.length + " bytes");
        }
        long headerBytes = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerBytes < 0 || headerBytes > MAX_HEADER_BYTES) {
            throw new DataFileException(source, "header length " + Long.toUnsignedString(headerBytes)
                    + " is larger than the limit of " + MAX_HEADER_BYTES + " bytes (is this a safetensors file?)");
        }
        if (size >= 0 && headerBytes > size - Long.BYTES) {
            throw new DataFileException(source, "header length " + headerBytes + " goes beyond the end of the file ("
                    + size + " bytes)");
        }
        byte[] json = in.readNBytes((int) headerBytes); // grows with the data, so a lying length costs nothing
        if (json.length < headerBytes) {
            throw new DataFileException(source, "truncated: header length is " + headerBytes + " bytes but only "
                    + json.length + " follow");
        }
        SafetensorsHeader header = SafetensorsHeader.parse(json, source);
        if (size >= 0 && size - Long.BYTES - headerBytes != header.dataBytes()) {
            throw new DataFileException(source, "data section has " + (size - Long.BYTES - headerBytes)
                    + " bytes but the header's tensors cover " + header.dataBytes());
        }
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (SafetensorsHeader.Entry e : header.entries()) shapes.put(e.name(), e.shape());
        check.check(shapes);
        Map<String, float[]> values = new HashMap<>();
        for (SafetensorsHeader.Entry e : header.inDataOrder()) { // the data is contiguous in this order
            values.put(e.name(), readFloats(in, e, size >= 0, source));
        }
        if (in.read() >= 0) {
            throw new DataFileException(source, "trailing data after the " + header.dataBytes()
                    + " bytes of tensor data the header declares");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (SafetensorsHeader.Entry e : header.entries()) tensors.put(e.name(), Tensor.of(values.get(e.name()), e.shape()));
        return new SafetensorsContents(tensors, header.metadata());
    }

    /**
     * Reads one tensor's little-endian floats. When the stream's length is unknown, the array grows as
     * data arrives, so a header that lies about sizes cannot make us allocate gigabytes up front.
     */
    private static float[] readFloats(InputStream in, SafetensorsHeader.Entry e, boolean sizeKnown, String source) throws IOException {
        int count = e.count();
        float[] out = new float[sizeKnown ? count : Math.min(count, FIRST_ALLOCATION)];
        byte[] chunk = new byte[CHUNK_BYTES];
        FloatBuffer floats = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        int done = 0;
        while (done < count) {
            int n = Math.min(floats.capacity(), count - done);
            int got = in.readNBytes(chunk, 0, n * Float.BYTES);
            if (got < n * Float.BYTES) {
                throw new DataFileException(source, "tensor '" + e.name() + "': truncated: expected "
                        + (e.end() - e.begin()) + " bytes of data, got " + ((long) done * Float.BYTES + got));
            }
            if (done + n > out.length) out = Arrays.copyOf(out, (int) Math.min(count, 2L * out.length + n));
            floats.get(0, out, done, n);
            done += n;
        }
        return out;
    }
}
