package dev.beak.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Tensors' values in a Java serialization stream as raw little-endian bytes, copied in bulk: Java's
 * own encoding of a {@code float[]} converts one value at a time, which made the weights, gradients
 * and their copies the largest cost of a round beside the computation itself.
 */
final class FloatArrays {
    private static final int CHUNK = 1 << 16;

    private FloatArrays() {}

    /** {@code arrays} (null, or with null entries) as a count, then per array its length (-1 for null) and values. */
    static void write(ObjectOutputStream out, float[][] arrays) throws IOException {
        out.writeInt(arrays == null ? -1 : arrays.length);
        if (arrays == null) return;
        byte[] buf = new byte[CHUNK];
        ByteBuffer bytes = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] a : arrays) {
            out.writeInt(a == null ? -1 : a.length);
            if (a == null) continue;
            for (int from = 0; from < a.length; from += CHUNK / 4) {
                int n = Math.min(CHUNK / 4, a.length - from);
                bytes.clear();
                bytes.asFloatBuffer().put(a, from, n);
                out.write(buf, 0, 4 * n);
            }
        }
    }

    static float[][] read(ObjectInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) return null;
        float[][] arrays = new float[count][];
        byte[] buf = new byte[CHUNK];
        ByteBuffer bytes = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            int length = in.readInt();
            if (length < 0) continue;
            float[] a = new float[length];
            for (int from = 0; from < length; from += CHUNK / 4) {
                int n = Math.min(CHUNK / 4, length - from);
                in.readFully(buf, 0, 4 * n);
                bytes.clear();
                bytes.asFloatBuffer().get(a, from, n);
            }
            arrays[i] = a;
        }
        return arrays;
    }
}
