package dev.beak.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX file bytes for tests, including deliberately broken ones. */
final class IdxBytes {
    private IdxBytes() {}

    /** Magic {@code 0 0 typeCode dims.length}, the dimensions, then {@code data} as given. */
    static byte[] idx(int typeCode, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        return b.put(data).array();
    }

    /** An unsigned-byte IDX file whose data matches its dimensions. */
    static byte[] uint8(int[] dims, byte[] data) {
        return idx(IdxType.UNSIGNED_BYTE.code(), dims, data);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code n} bytes counting 0, 1, 2, ... modulo {@code mod}. */
    static byte[] counting(int n, int mod) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i % mod);
        return b;
    }
}
