package dev.beak.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static dev.beak.data.IdxBytes.counting;
import static dev.beak.data.IdxBytes.gzip;
import static dev.beak.data.IdxBytes.idx;
import static dev.beak.data.IdxBytes.uint8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripsUnsignedBytes(boolean gzipped) throws IOException {
        byte[] data = counting(3 * 4 * 5, 256);
        data[7] = (byte) 200; // above 127: must read as 200, not -56
        byte[] file = uint8(new int[] {3, 4, 5}, data);
        Path p = write("x.idx", gzipped ? gzip(file) : file);

        IdxFile idx = IdxReader.read(p);

        assertThat(idx.type()).isEqualTo(IdxType.UNSIGNED_BYTE);
        assertThat(idx.dims()).containsExactly(3, 4, 5);
        assertThat(idx.count()).isEqualTo(60);
        assertThat(idx.bytes()).isEqualTo(data);
        assertThat(idx.value(7)).isEqualTo(200.0);
        assertThat(idx.toFloats()[7]).isEqualTo(200f);
        assertThat(idx.toTensor().shape()).containsExactly(3, 4, 5);
        assertThat(idx.source()).isEqualTo(p.toString());
    }

    @Test
    void detectsGzipByContentNotName() throws IOException {
        Path p = write("labels-without-gz-suffix", gzip(uint8(new int[] {4}, new byte[] {1, 2, 3, 4})));
        assertThat(IdxReader.read(p).toFloats()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void readsFromAStreamWithADisplayName() throws IOException {
        byte[] file = gzip(uint8(new int[] {2, 2}, new byte[] {9, 8, 7, 6}));
        IdxFile idx = IdxReader.read(new ByteArrayInputStream(file), "stream.gz");
        assertThat(idx.source()).isEqualTo("stream.gz");
        assertThat(idx.toFloats()).containsExactly(9, 8, 7, 6);
    }

    @Test
    void readsWiderTypesBigEndian() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * 2);
        b.putDouble(1.5).putDouble(-2.25);
        assertThat(IdxReader.read(write("d", idx(0x0E, new int[] {2}, b.array()))).toFloats()).containsExactly(1.5f, -2.25f);

        b = ByteBuffer.allocate(4 * 2);
        b.putFloat(3.5f).putFloat(-1f);
        assertThat(IdxReader.read(write("f", idx(0x0D, new int[] {2}, b.array()))).toFloats()).containsExactly(3.5f, -1f);

        b = ByteBuffer.allocate(4 * 2);
        b.putInt(70_000).putInt(-3);
        assertThat(IdxReader.read(write("i", idx(0x0C, new int[] {2}, b.array()))).toFloats()).containsExactly(70_000f, -3f);

        b = ByteBuffer.allocate(2 * 2);
        b.putShort((short) -300).putShort((short) 300);
        assertThat(IdxReader.read(write("s", idx(0x0B, new int[] {1, 2}, b.array()))).toFloats()).containsExactly(-300f, 300f);

        IdxFile signed = IdxReader.read(write("b", idx(0x09, new int[] {2}, new byte[] {-5, 5})));
        assertThat(signed.type()).isEqualTo(IdxType.SIGNED_BYTE);
        assertThat(signed.value(0)).isEqualTo(-5.0);
    }

    @Test
    void readsAnEmptyDimension() throws IOException {
        IdxFile idx = IdxReader.read(write("empty", uint8(new int[] {0, 28, 28}, new byte[0])));
        assertThat(idx.count()).isZero();
        assertThat(idx.dims()).containsExactly(0, 28, 28);
    }

    // ---- bad input: each message names the file and the problem -----------------------------

    private void assertFails(Path p, String... fragments) {
        assertThatThrownBy(() -> IdxReader.read(p))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(p + ": ")
                .hasMessageContainingAll(fragments);
    }

    @Test
    void rejectsWrongMagic() throws IOException {
        Path p = write("notes.txt", "hello world, not IDX".getBytes());
        assertFails(p, "wrong magic", "0x68 0x65 0x6C 0x6C");
    }

    @Test
    void rejectsUnknownTypeCode() throws IOException {
        assertFails(write("t", idx(0x07, new int[] {1}, new byte[1])), "unknown type code 0x07", "0x08 (UNSIGNED_BYTE)");
    }

    @Test
    void rejectsRankZeroAndAboveFour() throws IOException {
        assertFails(write("r0", idx(0x08, new int[0], new byte[0])), "rank (number of dimensions) is 0, expected 1 to 4");
        assertFails(write("r5", idx(0x08, new int[] {1, 1, 1, 1, 1}, new byte[1])), "rank (number of dimensions) is 5");
    }

    @Test
    void rejectsATruncatedHeader() throws IOException {
        byte[] full = uint8(new int[] {2, 3}, new byte[6]);
        assertFails(write("h", Arrays.copyOf(full, 10)), "truncated header: expected 8 bytes of dimensions, got 6");
        assertFails(write("empty", new byte[0]), "truncated header: expected 4 bytes of magic number, got 0");
    }

    @Test
    void rejectsNegativeDimensions() throws IOException {
        assertFails(write("neg", uint8(new int[] {10, -28, 28}, new byte[0])), "dimension 1 is negative", "[10, -28, 28]");
    }

    @Test
    void rejectsSizesWhoseProductOverflows() throws IOException {
        // 2^16 * 2^16 * 2^16 * 2^16 overflows a long if multiplied naively; the reader stops at 2^31.
        int[] dims = {65_536, 65_536, 65_536, 65_536};
        assertFails(write("huge", gzip(uint8(dims, new byte[16]))), "header sizes [65536, 65536, 65536, 65536]", "overflow");
        assertFails(write("wide", idx(0x0E, new int[] {300_000_000}, new byte[0])), "DOUBLE overflow");
    }

    @Test
    void rejectsSizesLargerThanTheFileBeforeAllocating() throws IOException {
        // Declares 1.2 GB of data in a 100-byte file: must fail from the file size, without allocating.
        Path p = write("liar", uint8(new int[] {1_200_000_000}, new byte[92]));
        assertFails(p, "truncated: expected 1200000000 bytes of data, got 92");
        // Gzipped, the size is unknown ahead: a declared size over the element limit is refused at once,
        assertFails(write("liar.gz", gzip(uint8(new int[] {1_200_000_000}, new byte[92]))), "over the limit", "-Dbeak.limit.elements");
        // and under it the buffer grows with the data instead (1 MiB here, not 200 MB).
        assertFails(write("liar2.gz", gzip(uint8(new int[] {200_000_000}, new byte[92]))),
                "truncated: expected 200000000 bytes of data, got 92");
    }

    @Test
    void aGzipBombStopsAtTheLimits() throws IOException {
        // 4 MB of zeros compress to a few KB; with the limits lowered, both checks trip without reading it all.
        Path bomb = write("bomb.gz", gzip(uint8(new int[] {4_000_000}, new byte[4_000_000])));
        withProperty("beak.limit.elements", "1000000", () -> assertFails(bomb, "bomb.gz", "4,000,000 values, over the limit of 1,000,000"));
        withProperty("beak.limit.inflated", "100000", () -> assertFails(bomb, "bomb.gz", "more than 100000 bytes", "-Dbeak.limit.inflated"));
    }

    private static void withProperty(String name, String value, Runnable r) {
        String old = System.setProperty(name, value);
        try {
            r.run();
        } finally {
            if (old == null) System.clearProperty(name); else System.setProperty(name, old);
        }
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        byte[] full = uint8(new int[] {10, 10}, counting(100, 256));
        assertFails(write("plain", Arrays.copyOf(full, full.length - 30)), "truncated: expected 100 bytes of data, got 70");

        // A complete gzip stream whose content is short: size unknown ahead, found while reading.
        assertFails(write("short.gz", gzip(Arrays.copyOf(full, full.length - 30))), "truncated: expected 100 bytes of data, got 70");

        // A gzip stream cut in the middle: the decompressor fails, reported as truncated data.
        byte[] noise = new byte[10_000];
        new Random(1).nextBytes(noise); // incompressible, so half the gzip bytes hold about half the data
        byte[] gz = gzip(uint8(new int[] {100, 100}, noise));
        assertFails(write("cut.gz", Arrays.copyOf(gz, gz.length / 2)), "truncated: expected 10000 bytes of data, got");
    }

    @Test
    void rejectsTruncatedDataFromAStreamOfUnknownSize() {
        byte[] file = uint8(new int[] {1_000_000}, new byte[10]);
        assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(file), "resource:labels"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("resource:labels: truncated: expected 1000000 bytes of data, got 10");
    }

    @Test
    void rejectsTrailingData() throws IOException {
        byte[] file = uint8(new int[] {2, 2}, new byte[7]); // header says 4 bytes, 7 follow
        assertFails(write("trail", file), "trailing data: 3 bytes after the 4 bytes of data", "[2, 2]");
    }
}
