package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each broken file fails with a message that names the source, the tensor and the problem. */
class SafetensorsBadFileTest {
    @TempDir
    Path dir;

    /** A file from a raw header (padded here) and {@code dataBytes} zero bytes of data. */
    private static byte[] file(String json, int dataBytes) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + padded + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(header);
        while (b.position() < 8 + padded) b.put((byte) ' ');
        return b.array();
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    private static void assertStreamFails(byte[] bytes, String... fragments) {
        assertThatThrownBy(() -> Safetensors.read(new ByteArrayInputStream(bytes), "model.safetensors"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("model.safetensors: ")
                .hasMessageContainingAll(fragments);
    }

    private void assertFileFails(byte[] bytes, String... fragments) throws IOException {
        Path p = Files.write(dir.resolve("bad.safetensors"), bytes);
        assertThatThrownBy(() -> Safetensors.read(p))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(p + ": ")
                .hasMessageContainingAll(fragments);
    }

    private static byte[] valid() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Safetensors.write(Map.of("w", Tensor.zeros(10, 10)), out);
        return out.toByteArray();
    }

    @Test
    void truncatedData() throws IOException {
        byte[] cut = Arrays.copyOf(valid(), valid().length - 40);
        assertStreamFails(cut, "tensor 'w': truncated: expected 400 bytes of data, got 360");
        assertFileFails(cut, "data section has 360 bytes but the header's tensors cover 400");
    }

    @Test
    void truncatedLengthFieldAndHeader() throws IOException {
        assertStreamFails(new byte[5], "truncated: the 8-byte header length field has only 5 bytes");
        assertStreamFails(Arrays.copyOf(valid(), 20), "truncated: header length is 64 bytes but only 12 follow");
    }

    @Test
    void headerLengthTooLarge() throws IOException {
        byte[] bytes = valid();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1_000_000);
        assertFileFails(bytes, "header length 1000000 goes beyond the end of the file (472 bytes)");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -2); // 2^64 - 2 unsigned
        assertStreamFails(bytes, "header length 18446744073709551614 is larger than the limit of 100000000 bytes");
    }

    @Test
    void unsupportedDtype() {
        assertStreamFails(file("{" + entry("emb", "BF16", "[4]", 0, 8) + "}", 8),
                "tensor 'emb': dtype BF16 is not supported: Beak reads only F32");
    }

    @Test
    void offsetsNotMatchingTheShape() {
        assertStreamFails(file("{" + entry("w", "F32", "[2,2]", 0, 12) + "}", 12),
                "tensor 'w': data_offsets [0,12] span 12 bytes but shape (2, 2) of F32 needs 16");
    }

    @Test
    void offsetsOverlapping() {
        String json = "{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}";
        assertStreamFails(file(json, 12), "tensor 'b': data_offsets [4, 12] overlap tensor 'a' [0, 8]");
    }

    @Test
    void offsetsLeavingAGap() {
        String json = "{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("b", "F32", "[1]", 8, 12) + "}";
        assertStreamFails(file(json, 12), "tensor 'b': data_offsets [8, 12] leave bytes [4, 8) of the data section unused");
    }

    @Test
    void offsetsOutOfRange() throws IOException {
        String json = "{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("far", "F32", "[1]", 4, 8) + "}";
        assertFileFails(file(json, 4), "data section has 4 bytes but the header's tensors cover 8");
        assertStreamFails(file(json, 4), "tensor 'far': truncated: expected 4 bytes of data, got 0");
        assertStreamFails(file("{" + entry("w", "F32", "[1]", 8, 4) + "}", 4), "tensor 'w': data_offsets [8,4] end before they begin");
        assertStreamFails(file("{" + entry("w", "F32", "[1]", -4, 0) + "}", 4), "tensor 'w': data_offsets must be [begin, end]");
    }

    @Test
    void malformedHeaders() {
        assertStreamFails(file("not json", 0), "header does not start with '{'");
        assertStreamFails(file("{\"w\":", 0), "header is not valid JSON");
        assertStreamFails(file("{" + entry("w", "F32", "[1]", 0, 4) + "," + entry("w", "F32", "[1]", 4, 8) + "}", 8),
                "header is not valid JSON", "Duplicate field 'w'");
        assertStreamFails(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"extra\":1}}", 4),
                "tensor 'w': unexpected field 'extra'");
        assertStreamFails(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4),
                "tensor 'w': shape [-1] has a bad dimension -1");
        assertStreamFails(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,4]}}", 4),
                "tensor 'w': shape [65536,65536] has more than 2^31 elements");
        assertStreamFails(file("{\"__metadata__\":{\"epochs\":3}}", 0), "__metadata__ value of 'epochs' is not a string");
    }

    @Test
    void trailingData() throws IOException {
        byte[] bytes = Arrays.copyOf(valid(), valid().length + 3);
        assertStreamFails(bytes, "trailing data after the 400 bytes of tensor data");
        assertFileFails(bytes, "data section has 403 bytes but the header's tensors cover 400");
    }
}
