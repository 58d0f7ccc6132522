package dev.beak.data.image;

import dev.beak.data.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A few hundred bytes of PNG declaring 8192 x 8192 pixels must be refused from the header, before decoding (1.1 GB). */
class ImageFilesHostileTest {
    @Test
    void aTinyPngDeclaring8192By8192PixelsIsRefusedFromItsHeader(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("big.png");
        Files.write(f, png(8192, 8192));
        assertThatThrownBy(() -> ImageFiles.read(f)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(f + ": header (8192 x 8192) declares 67,108,864 pixels, over the limit of 25,000,000");
    }

    /** A PNG signature, an IHDR chunk for an 8-bit RGB image of w x h, one empty IDAT and IEND. */
    private static byte[] png(int w, int h) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 2, 0, 0, 0});
        chunk(b, "IHDR", ihdr.toByteArray());
        chunk(b, "IDAT", new byte[] {0x78, (byte) 0x9c, 3, 0, 0, 0, 0, 1});
        chunk(b, "IEND", new byte[0]);
        return b.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
