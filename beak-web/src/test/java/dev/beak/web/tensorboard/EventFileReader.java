package dev.beak.web.tensorboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The test's reader of TensorBoard event files, written from the record format and the proto field
 * numbers independently of the writer: checks both CRCs of every record (computed here with the JDK's
 * CRC32C and the mask of the TFRecord format) and decodes Event and Summary messages generically.
 */
final class EventFileReader {
    /** One decoded event: its step, file version (first event only), and the summary value (tag, kind, scalar, histogram, image). */
    record Event(double wallTime, long step, String fileVersion, String tag, String kind, float scalar, Histo histo, Image image) {}

    record Histo(double min, double max, double num, double sum, double sumSquares, double[] limits, double[] buckets) {}

    record Image(int height, int width, int colorspace, byte[] png) {}

    static List<Event> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        while (b.hasRemaining()) {
            byte[] header = new byte[8];
            b.get(header);
            long length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
            check(b.getInt(), header, "length of record " + events.size());
            byte[] data = new byte[(int) length];
            b.get(data);
            check(b.getInt(), data, "data of record " + events.size());
            events.add(event(data));
        }
        return events;
    }

    private static void check(int stored, byte[] data, String what) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        int c = (int) crc.getValue();
        int masked = ((c >>> 15) | (c << 17)) + 0xa282ead8;
        if (stored != masked) throw new AssertionError("bad CRC of the " + what + ": stored " + Integer.toHexString(stored) + ", computed " + Integer.toHexString(masked));
    }

    private static Event event(byte[] data) {
        Proto p = new Proto(data);
        double wall = 0;
        long step = 0;
        String version = null, tag = null, kind = null;
        float scalar = Float.NaN;
        Histo histo = null;
        Image image = null;
        while (p.more()) {
            int key = (int) p.varint(), field = key >>> 3;
            switch (field) {
                case 1 -> wall = Double.longBitsToDouble(p.fixed64());
                case 2 -> step = p.varint();
                case 3 -> version = new String(p.bytes(), StandardCharsets.UTF_8);
                case 5 -> {
                    Proto summary = new Proto(p.bytes());
                    while (summary.more()) {
                        if ((int) summary.varint() >>> 3 != 1) throw new AssertionError("a Summary holds only values (field 1)");
                        Proto value = new Proto(summary.bytes());
                        while (value.more()) {
                            int vk = (int) value.varint();
                            switch (vk >>> 3) {
                                case 1 -> tag = new String(value.bytes(), StandardCharsets.UTF_8);
                                case 2 -> {
                                    kind = "scalar";
                                    scalar = Float.intBitsToFloat(value.fixed32());
                                }
                                case 4 -> {
                                    kind = "image";
                                    image = image(new Proto(value.bytes()));
                                }
                                case 5 -> {
                                    kind = "histogram";
                                    histo = histo(new Proto(value.bytes()));
                                }
                                default -> throw new AssertionError("unexpected Summary.Value field " + (vk >>> 3));
                            }
                        }
                    }
                }
                default -> throw new AssertionError("unexpected Event field " + field);
            }
        }
        return new Event(wall, step, version, tag, kind, scalar, histo, image);
    }

    private static Histo histo(Proto p) {
        double[] v = new double[5];
        double[] limits = null, buckets = null;
        while (p.more()) {
            int field = (int) p.varint() >>> 3;
            if (field >= 1 && field <= 5) v[field - 1] = Double.longBitsToDouble(p.fixed64());
            else if (field == 6) limits = doubles(p.bytes());
            else if (field == 7) buckets = doubles(p.bytes());
            else throw new AssertionError("unexpected HistogramProto field " + field);
        }
        return new Histo(v[0], v[1], v[2], v[3], v[4], limits, buckets);
    }

    private static Image image(Proto p) {
        int h = 0, w = 0, c = 0;
        byte[] png = null;
        while (p.more()) {
            int field = (int) p.varint() >>> 3;
            switch (field) {
                case 1 -> h = (int) p.varint();
                case 2 -> w = (int) p.varint();
                case 3 -> c = (int) p.varint();
                case 4 -> png = p.bytes();
                default -> throw new AssertionError("unexpected Image field " + field);
            }
        }
        return new Image(h, w, c, png);
    }

    private static double[] doubles(byte[] packed) {
        ByteBuffer b = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
        double[] d = new double[packed.length / 8];
        for (int i = 0; i < d.length; i++) d[i] = b.getDouble();
        return d;
    }

    /** Reads protobuf wire format: varints, fixed 32/64-bit values and length-delimited bytes. */
    private static final class Proto {
        private final ByteBuffer b;

        Proto(byte[] data) {
            b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        }

        boolean more() {
            return b.hasRemaining();
        }

        long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = b.get();
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) return v;
            }
        }

        long fixed64() {
            return b.getLong();
        }

        int fixed32() {
            return b.getInt();
        }

        byte[] bytes() {
            byte[] d = new byte[(int) varint()];
            b.get(d);
            return d;
        }
    }
}
