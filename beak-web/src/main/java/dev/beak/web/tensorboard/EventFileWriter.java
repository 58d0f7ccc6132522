package dev.beak.web.tensorboard;

import dev.beak.web.Histogram;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A TensorBoard event file ({@code events.out.tfevents.<seconds>.<host>} in a log folder): TFRecords, each
 * an {@code Event} message (tensorflow/core/util/event.proto: wall_time 1, step 2, file_version 3,
 * summary 5) whose {@code Summary} (tensorflow/core/framework/summary.proto) holds one value: tag 1 and a
 * simple_value 2 (scalar), image 4 (height 1, width 2, colorspace 3, encoded PNG 4) or histo 5
 * (HistogramProto: min 1, max 2, num 3, sum 4, sum_squares 5, bucket_limit 6, bucket 7). The first record
 * names the format version, {@code brain.Event:2}. Each record is flushed, so TensorBoard sees a running fit.
 */
public final class EventFileWriter implements Closeable {
    private final Path file;
    private final OutputStream stream;
    private final TfRecordWriter records;

    private EventFileWriter(Path file) throws IOException {
        this.file = file;
        this.stream = new BufferedOutputStream(Files.newOutputStream(file));
        this.records = new TfRecordWriter(stream);
        write(event(0).string(3, "brain.Event:2"));
    }

    /** A new event file in {@code folder} (created when missing). */
    public static EventFileWriter in(Path folder) throws IOException {
        Files.createDirectories(folder);
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        long seconds = System.currentTimeMillis() / 1000;
        Path file = folder.resolve("events.out.tfevents." + seconds + "." + host.replaceAll("[^A-Za-z0-9._-]", "_"));
        for (int i = 1; Files.exists(file); i++) file = folder.resolve("events.out.tfevents." + seconds + "." + host + "." + i);
        return new EventFileWriter(file);
    }

    public Path file() {
        return file;
    }

    public void scalar(String tag, long step, double value) throws IOException {
        summary(step, new ProtoWriter().string(1, tag).fixed32(2, (float) value));
    }

    public void histogram(String tag, long step, Histogram h) throws IOException {
        double[] counts = new double[h.counts().length];
        for (int i = 0; i < counts.length; i++) counts[i] = h.counts()[i];
        ProtoWriter histo = new ProtoWriter().fixed64(1, h.min()).fixed64(2, h.max()).fixed64(3, h.count())
                .fixed64(4, h.sum()).fixed64(5, h.sumSquares()).packedDoubles(6, h.limits()).packedDoubles(7, counts);
        summary(step, new ProtoWriter().string(1, tag).message(5, histo));
    }

    /** A PNG image ({@code channels} 1 grey, 3 RGB, 4 RGBA) of {@code height} x {@code width} pixels. */
    public void image(String tag, long step, byte[] png, int height, int width, int channels) throws IOException {
        ProtoWriter image = new ProtoWriter().varint(1, height).varint(2, width).varint(3, channels).bytes(4, png);
        summary(step, new ProtoWriter().string(1, tag).message(4, image));
    }

    private void summary(long step, ProtoWriter value) throws IOException {
        write(event(step).message(5, new ProtoWriter().message(1, value)));
    }

    private static ProtoWriter event(long step) {
        return new ProtoWriter().fixed64(1, System.currentTimeMillis() / 1000.0).varint(2, step);
    }

    private void write(ProtoWriter event) throws IOException {
        records.write(event.toByteArray());
        records.flush();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
