package dev.beak.web.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, the container of TensorBoard event files: each record is its length (uint64, little
 * endian), the masked CRC-32C of those 8 bytes, the data, and the masked CRC-32C of the data. The mask
 * (rotate right by 15 bits, add 0xa282ead8) keeps a CRC of data that holds CRCs from being trivial.
 */
final class TfRecordWriter {
    private static final int MASK_DELTA = 0xa282ead8;
    private final OutputStream out;

    TfRecordWriter(OutputStream out) {
        this.out = out;
    }

    void write(byte[] data) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(data.length);
        header.putInt(maskedCrc(header.array(), 0, 8));
        ByteBuffer footer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(maskedCrc(data, 0, data.length));
        out.write(header.array());
        out.write(data);
        out.write(footer.array());
    }

    void flush() throws IOException {
        out.flush();
    }

    static int maskedCrc(byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, off, len);
        int c = (int) crc.getValue();
        return Integer.rotateRight(c, 15) + MASK_DELTA;
    }
}
