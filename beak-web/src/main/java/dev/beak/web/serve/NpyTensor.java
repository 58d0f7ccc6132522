package dev.beak.web.serve;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy {@code .npy} array (what {@code numpy.save} writes) for a model that takes {@code sample} per
 * sample: one sample or a batch, in C order, of float32, float64, uint8, int32 or int64 (little endian).
 * Format (numpy.lib.format): the magic {@code \x93NUMPY}, version 1.x/2.x/3.x, the header length (2 or 4
 * bytes), a header that is a Python dict literal with {@code descr}, {@code fortran_order} and {@code shape},
 * then the values.
 */
final class NpyTensor {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyTensor() {}

    static boolean isNpy(byte[] body) {
        return body.length >= MAGIC.length && Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    static Tensor parse(byte[] body, int[] sample) {
        if (!isNpy(body)) throw new IllegalArgumentException("the .npy body does not start with \\x93NUMPY");
        if (body.length < 10) throw new IllegalArgumentException("the .npy body is cut short in its preamble");
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int major = body[6];
        if (major < 1 || major > 3) throw new IllegalArgumentException("the .npy body has format version " + major + ", not 1, 2 or 3");
        long headerLength = major == 1 ? b.getShort(8) & 0xFFFF : (body.length < 12 ? -1 : b.getInt(8) & 0xFFFFFFFFL);
        int start = major == 1 ? 10 : 12;
        if (headerLength < 0 || start + headerLength > body.length) throw new IllegalArgumentException("the .npy header runs past the body's end");
        String header = new String(body, start, (int) headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr");
        if (group(FORTRAN, header, "fortran_order").equals("True")) {
            throw new IllegalArgumentException("the .npy array is in Fortran order; save it in C order (numpy.ascontiguousarray)");
        }
        int[] dims = dims(group(SHAPE, header, "shape"));
        boolean batch = dims.length == sample.length + 1;
        int[] perSample = batch ? Arrays.copyOfRange(dims, 1, dims.length) : dims;
        if (!Arrays.equals(perSample, sample) || (batch && dims[0] == 0)) {
            throw new IllegalArgumentException("the .npy array has shape " + Shape.toString(dims) + " but the model takes " + Shape.toString(sample)
                    + " per sample (send one sample, or a batch (N, " + Shape.toString(sample).substring(1) + ")");
        }
        int width = switch (descr) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            case "|u1", "<u1" -> 1;
            default -> throw new IllegalArgumentException("the .npy array holds '" + descr + "'; send float32, float64, uint8, int32 or int64 (little endian)");
        };
        long count = Shape.size(dims);
        long data = start + headerLength;
        if (body.length - data != count * width) {
            throw new IllegalArgumentException("the .npy array of shape " + Shape.toString(dims) + " needs " + count * width + " bytes of values, the body has "
                    + (body.length - data));
        }
        float[] v = new float[(int) count];
        b.position((int) data);
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (descr) {
                case "<f4" -> b.getFloat();
                case "<f8" -> (float) b.getDouble();
                case "<i4" -> b.getInt();
                case "<i8" -> b.getLong();
                default -> b.get() & 0xFF;
            };
        }
        if (batch) return Tensor.of(v, dims);
        int[] one = new int[sample.length + 1];
        one[0] = 1;
        System.arraycopy(sample, 0, one, 1, sample.length);
        return Tensor.of(v, one);
    }

    private static String group(Pattern p, String header, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IllegalArgumentException("the .npy header has no '" + key + "': " + header.strip());
        return m.group(1);
    }

    /** {@code "1, 28, 28"} or {@code "5,"} -> the dimensions. */
    private static int[] dims(String text) {
        String[] parts = text.split(",");
        return Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(s -> {
            try {
                return Integer.parseInt(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the .npy shape holds \"" + s + "\", not a whole number");
            }
        }).toArray();
    }
}
