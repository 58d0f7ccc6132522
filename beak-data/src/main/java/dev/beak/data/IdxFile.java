package dev.beak.data;

import dev.beak.tensor.Tensor;

import java.nio.ByteBuffer;

/**
 * The content of one IDX file: its element type, its dimensions and its values as the raw big-endian
 * bytes that followed the header. MNIST images are {@code UNSIGNED_BYTE} with dimensions (N, 28, 28),
 * MNIST labels {@code UNSIGNED_BYTE} with dimensions (N).
 *
 * <p>Invariant: {@code bytes().length == count() * type().bytes()}.
 */
public final class IdxFile {
    private final String source;
    private final IdxType type;
    private final int[] dims;
    private final byte[] bytes;

    IdxFile(String source, IdxType type, int[] dims, byte[] bytes) {
        this.source = source;
        this.type = type;
        this.dims = dims.clone();
        this.bytes = bytes;
    }

    /** The file or resource name this was read from, for messages. */
    public String source() {
        return source;
    }

    public IdxType type() {
        return type;
    }

    /** A copy of the dimensions, outermost first. */
    public int[] dims() {
        return dims.clone();
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    /** Number of values (the product of the dimensions). */
    public int count() {
        return bytes.length / type.bytes();
    }

    /** The values as stored, big-endian; the array is shared, not copied. */
    public byte[] bytes() {
        return bytes;
    }

    /** Value {@code index} (row-major) widened to a double; unsigned bytes read as 0..255. */
    public double value(int index) {
        return switch (type) {
            case UNSIGNED_BYTE -> bytes[index] & 0xFF;
            case SIGNED_BYTE -> bytes[index];
            case SHORT -> ByteBuffer.wrap(bytes).getShort(index * 2);
            case INT -> ByteBuffer.wrap(bytes).getInt(index * 4);
            case FLOAT -> ByteBuffer.wrap(bytes).getFloat(index * 4);
            case DOUBLE -> ByteBuffer.wrap(bytes).getDouble(index * 8);
        };
    }

    /** All values converted to floats, unscaled (unsigned bytes become 0..255). */
    public float[] toFloats() {
        float[] out = new float[count()];
        ByteBuffer buf = ByteBuffer.wrap(bytes); // big-endian, as IDX stores it
        switch (type) {
            case UNSIGNED_BYTE -> { for (int i = 0; i < out.length; i++) out[i] = bytes[i] & 0xFF; }
            case SIGNED_BYTE -> { for (int i = 0; i < out.length; i++) out[i] = bytes[i]; }
            case SHORT -> { for (int i = 0; i < out.length; i++) out[i] = buf.getShort(i * 2); }
            case INT -> { for (int i = 0; i < out.length; i++) out[i] = buf.getInt(i * 4); }
            case FLOAT -> buf.asFloatBuffer().get(out);
            case DOUBLE -> { for (int i = 0; i < out.length; i++) out[i] = (float) buf.getDouble(i * 8); }
        }
        return out;
    }

    /** The values as a tensor of shape {@link #dims()}, unscaled. */
    public Tensor toTensor() {
        return Tensor.of(toFloats(), dims);
    }
}
