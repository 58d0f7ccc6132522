package dev.beak.web.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few protocol-buffer encodings TensorBoard's Event and Summary messages need (varints, 64- and 32-bit
 * fixed fields, length-delimited bytes, strings, nested messages and packed doubles), written by hand so
 * that Beak needs no protobuf runtime for event files. Fields are written in the order the caller gives.
 * Wire types (protobuf encoding guide): 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32.
 */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(int field, long value) {
        tag(field, 0);
        raw(value);
        return this;
    }

    ProtoWriter fixed64(int field, double value) {
        tag(field, 1);
        littleEndian(Double.doubleToRawLongBits(value), 8);
        return this;
    }

    ProtoWriter fixed32(int field, float value) {
        tag(field, 5);
        littleEndian(Float.floatToRawIntBits(value), 4);
        return this;
    }

    ProtoWriter bytes(int field, byte[] value) {
        tag(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** A repeated double field in packed form: one length-delimited run of 8-byte values. */
    ProtoWriter packedDoubles(int field, double[] values) {
        tag(field, 2);
        raw(8L * values.length);
        for (double v : values) littleEndian(Double.doubleToRawLongBits(v), 8);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        raw(((long) field << 3) | wireType);
    }

    /** Base-128 varint: seven bits per byte, low groups first, the high bit set on all but the last. */
    private void raw(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void littleEndian(long bits, int bytes) {
        for (int i = 0; i < bytes; i++) out.write((int) (bits >>> (8 * i)) & 0xFF);
    }
}
