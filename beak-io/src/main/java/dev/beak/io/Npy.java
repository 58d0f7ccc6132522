package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} files of float32 arrays, read strictly and written in format version 1.0
 * (NumPy's "NEP 1" layout: the magic {@code \x93NUMPY}, a version, a header length, a Python dict
 * literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded to a multiple
 * of 64 bytes, then the values in C order). Reading checks the header, the element type and the
 * data size against the file size before allocating anything; every problem names the file.
 *
 * {@snippet :
 * Tensor x = Npy.read(Path.of("x.npy"));          // np.save("x.npy", a.astype(np.float32))
 * Npy.write(y, Path.of("y.npy"));                  // np.load("y.npy")
 * }
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Larger headers are not written by NumPy for float arrays; refusing them bounds what a hostile file can make us read. */
    private static final int MAX_HEADER = 1 << 16;
    private static final Pattern DICT = Pattern.compile(
            "\\{\\s*(?:'descr'\\s*:\\s*'([^']*)'|'fortran_order'\\s*:\\s*(True|False)|'shape'\\s*:\\s*\\(([^)]*)\\))\\s*,"
                    + "\\s*(?:'descr'\\s*:\\s*'([^']*)'|'fortran_order'\\s*:\\s*(True|False)|'shape'\\s*:\\s*\\(([^)]*)\\))\\s*,"
                    + "\\s*(?:'descr'\\s*:\\s*'([^']*)'|'fortran_order'\\s*:\\s*(True|False)|'shape'\\s*:\\s*\\(([^)]*)\\))\\s*,?\\s*}\\s*");

    private Npy() {}

    /** The float32 array in {@code file}. */
    public static Tensor read(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            ByteBuffer start = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, start, file, "the file is shorter than an .npy header");
            start.flip();
            for (byte m : MAGIC) if (start.get() != m) throw bad(file, "not a NumPy .npy file (no \\x93NUMPY magic)");
            int major = start.get() & 0xff, minor = start.get() & 0xff;
            long headerLength;
            int prefix;
            if (major == 1) {
                headerLength = start.getShort(8) & 0xffff;
                prefix = 10;
            } else if (major == 2 || major == 3) {
                headerLength = start.getInt(8) & 0xffffffffL;
                prefix = 12;
            } else {
                throw bad(file, "unknown .npy format version " + major + "." + minor);
            }
            if (headerLength > MAX_HEADER || prefix + headerLength > size) {
                throw bad(file, "header length " + headerLength + " does not fit the file (" + size + " bytes)");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            ch.position(prefix);
            readFully(ch, header, file, "the header is cut short");
            String text = new String(header.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            int[] shape = parseHeader(text, file);
            long count = 1;
            for (int d : shape) {
                count *= d;
                if (count > Integer.MAX_VALUE) throw bad(file, "shape " + java.util.Arrays.toString(shape) + " has more values than Beak can hold");
            }
            long data = size - prefix - headerLength;
            if (data != 4 * count) {
                throw bad(file, "shape " + java.util.Arrays.toString(shape) + " needs " + 4 * count + " bytes of float32 data, the file holds " + data);
            }
            ByteBuffer values = ByteBuffer.allocate((int) (4 * count)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, values, file, "the data is cut short");
            values.flip();
            float[] v = new float[(int) count];
            values.asFloatBuffer().get(v);
            return Tensor.of(v, shape);
        }
    }

    /** Writes {@code t} as a float32 {@code .npy} file (format 1.0), atomically. */
    public static void write(Tensor t, Path file) throws IOException {
        StringBuilder shape = new StringBuilder();
        for (int d : t.shape()) shape.append(d).append(", ");
        String dims = t.rank() == 1 ? t.dim(0) + "," : shape.length() == 0 ? "" : shape.substring(0, shape.length() - 2);
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((10 + header.length() + 1) % 64 != 0) header.append(' ');
        header.append('\n');
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length()).put(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        b.asFloatBuffer().put(t.data());
        AtomicFiles.write(file, out -> out.write(b.array()));
    }

    private static int[] parseHeader(String text, Path file) throws DataFileException {
        Matcher m = DICT.matcher(text);
        if (!m.matches()) throw bad(file, "header is not a dict of descr, fortran_order and shape: " + text.strip());
        String descr = null, fortran = null, shape = null;
        for (int g = 1; g <= 9; g += 3) {
            if (m.group(g) != null) descr = m.group(g);
            if (m.group(g + 1) != null) fortran = m.group(g + 1);
            if (m.group(g + 2) != null) shape = m.group(g + 2);
        }
        if (descr == null || fortran == null || shape == null) throw bad(file, "header lacks descr, fortran_order or shape: " + text.strip());
        if (!descr.equals("<f4")) {
            throw bad(file, "holds " + descr + " values; Beak reads float32 ('<f4'): save with a.astype(numpy.float32)");
        }
        if (fortran.equals("True")) throw bad(file, "is in Fortran (column-major) order; save a C-ordered array (numpy.ascontiguousarray)");
        List<Integer> dims = new ArrayList<>();
        for (String part : shape.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            try {
                int d = Integer.parseInt(p);
                if (d < 0) throw new NumberFormatException();
                dims.add(d);
            } catch (NumberFormatException e) {
                throw bad(file, "shape (" + shape + ") has a dimension that is not a size: " + p);
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void readFully(SeekableByteChannel ch, ByteBuffer b, Path file, String problem) throws IOException {
        while (b.hasRemaining()) if (ch.read(b) < 0) throw bad(file, problem);
    }

    private static DataFileException bad(Path file, String problem) {
        return new DataFileException(file.toString(), problem);
    }
}
