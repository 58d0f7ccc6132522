package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The .npy reader and writer: NumPy's own bytes, round trips at every rank, and bad files named with what is wrong. */
class NpyTest {
    @TempDir Path dir;

    @Test
    void readsTheBytesNumpyWrites() throws IOException {
        // np.save(f, np.arange(6, dtype=np.float32).reshape(2, 3)) with NumPy 2.4: a 118-byte header padded to 128 bytes.
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        Path f = file(header + " ".repeat(118 - header.length() - 1) + "\n", 0, 1, 2, 3, 4, 5);
        assertThat(Files.size(f)).isEqualTo(128 + 24);
        Tensor t = Npy.read(f);
        assertThat(t.shape()).containsExactly(2, 3);
        assertThat(t.data()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void writesWhatItReadsAtEveryRankWithNumpysLayout() throws IOException {
        for (int[] shape : new int[][] {{}, {4}, {2, 3}, {2, 1, 3}, {1, 2, 2, 2}, {0, 3}}) {
            int n = 1;
            for (int d : shape) n *= d;
            float[] v = new float[n];
            for (int i = 0; i < n; i++) v[i] = i * 0.5f - 1;
            Path f = dir.resolve("t" + shape.length + ".npy");
            Npy.write(Tensor.of(v, shape), f);
            byte[] bytes = Files.readAllBytes(f);
            int headerEnd = 10 + (bytes[8] & 0xff | (bytes[9] & 0xff) << 8);
            assertThat(headerEnd % 64).as("header padded to 64 bytes").isZero();
            assertThat(bytes[headerEnd - 1]).isEqualTo((byte) '\n');
            Tensor back = Npy.read(f);
            assertThat(back.shape()).containsExactly(shape);
            assertThat(back.data()).containsExactly(v);
        }
        String header = new String(Files.readAllBytes(dir.resolve("t1.npy")), 10, 60, StandardCharsets.ISO_8859_1);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }");
    }

    @Test
    void badFilesFailNamingTheFileAndTheProblem() throws IOException {
        String f8 = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        assertFails(file(f8 + "\n", 1, 0, 0, 0), "holds <f8 values");
        String fortran = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }";
        assertFails(file(fortran + "\n", 1, 0, 0, 0), "Fortran");
        String big = "{'descr': '<f4', 'fortran_order': False, 'shape': (1000, 1000), }";
        assertFails(file(big + "\n", 1, 2, 3), "needs 4000000 bytes of float32 data, the file holds 12");
        String huge = "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }";
        assertFails(file(huge + "\n", 1), "more values than Beak can hold");
        String negative = "{'descr': '<f4', 'fortran_order': False, 'shape': (-2, 3), }";
        assertFails(file(negative + "\n"), "not a size");
        assertFails(file("{'descr': '<f4'}\n"), "header is not a dict");
        Path magic = dir.resolve("magic.npy");
        Files.write(magic, "PK\u0003\u0004 not numpy at all".getBytes(StandardCharsets.ISO_8859_1));
        assertFails(magic, "not a NumPy .npy file");
        Path shortFile = dir.resolve("short.npy");
        Files.write(shortFile, new byte[] {(byte) 0x93, 'N', 'U'});
        assertFails(shortFile, "shorter than an .npy header");
        byte[] cut = Files.readAllBytes(file("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n", 1, 2));
        Path lying = dir.resolve("lying.npy");
        cut[8] = (byte) 0xff;
        cut[9] = (byte) 0x7f;    // a header length past the end of the file
        Files.write(lying, cut);
        assertFails(lying, "does not fit the file");
    }

    private void assertFails(Path f, String problem) {
        assertThatThrownBy(() -> Npy.read(f)).isInstanceOf(DataFileException.class).hasMessageContaining(f.toString()).hasMessageContaining(problem);
    }

    private int count;

    /** A version-1.0 .npy file with this header text and float32 values. */
    private Path file(String header, float... values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), (byte) (header.length() >> 8)});
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        out.write(b.array());
        Path f = dir.resolve("f" + count++ + ".npy");
        Files.write(f, out.toByteArray());
        return f;
    }
}
