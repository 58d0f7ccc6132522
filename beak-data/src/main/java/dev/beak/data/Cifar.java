package dev.beak.data;

import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 and CIFAR-100 in their binary distribution: records of label byte(s) then 3072 pixel bytes
 * (1024 red, 1024 green, 1024 blue, each 32x32 row-major), so already channels first. CIFAR-10 records
 * are 1 + 3072 bytes (label 0..9); CIFAR-100 records 2 + 3072 (coarse label 0..19, fine label 0..99).
 * A file whose size is not a whole number of records is rejected before anything is allocated, and
 * the message says which record size would fit. Images come out as (N, 3, 32, 32) floats in [0, 1].
 *
 * {@snippet :
 * TensorDataset train = Cifar.loadDir(Path.of("cifar-10-batches-bin"), "train"); // (50000, 3, 32, 32)
 * }
 */
public final class Cifar {
    public static final int PIXELS = 3 * 32 * 32;

    /** The two layouts and, for CIFAR-100, which label to use. */
    public enum Kind {
        CIFAR10(1, 10), CIFAR100_FINE(2, 100), CIFAR100_COARSE(2, 20);

        private final int labelBytes, classes;

        Kind(int labelBytes, int classes) {
            this.labelBytes = labelBytes;
            this.classes = classes;
        }

        public int recordBytes() {
            return labelBytes + PIXELS;
        }

        public int classes() {
            return classes;
        }
    }

    private Cifar() {}

    /** Reads and concatenates binary files of one kind. */
    public static TensorDataset load(List<Path> files, Kind kind) throws IOException {
        int rec = kind.recordBytes();
        long total = 0;
        for (Path f : files) total += checkedRecords(f, kind);
        if (total * PIXELS > Integer.MAX_VALUE - 16) throw new DataFileException(files.getFirst().toString(), "too many records for one dataset: " + total);
        int n = (int) total;
        float[] x = new float[n * PIXELS], y = new float[n];
        int at = 0;
        byte[] buf = new byte[rec * 256];
        for (Path f : files) {
            long records = Files.size(f) / rec;
            try (InputStream in = Files.newInputStream(f)) {
                for (long done = 0; done < records; ) {
                    int chunk = (int) Math.min(256, records - done);
                    int got = in.readNBytes(buf, 0, chunk * rec);
                    if (got < chunk * rec) throw new DataFileException(f.toString(), "truncated while reading record " + (done + got / rec));
                    for (int r = 0; r < chunk; r++, at++) {
                        int o = r * rec, label = buf[o + (kind == Kind.CIFAR100_FINE ? 1 : 0)] & 0xFF;
                        if (label >= kind.classes()) {
                            throw new DataFileException(f.toString(), "record " + (done + r) + " has label " + label + ", expected 0 to "
                                    + (kind.classes() - 1) + " for " + kind + (kind == Kind.CIFAR10 && label < 100
                                    ? " (is this a CIFAR-100 file? its records are " + Kind.CIFAR100_FINE.recordBytes() + " bytes)" : ""));
                        }
                        y[at] = label;
                        for (int p = 0; p < PIXELS; p++) x[at * PIXELS + p] = (buf[o + kind.labelBytes + p] & 0xFF) / 255f;
                    }
                    done += chunk;
                }
            }
        }
        return new TensorDataset(Tensor.of(x, n, 3, 32, 32), Tensor.of(y, n));
    }

    /** The number of records in {@code file}, after checking its size fits {@code kind}'s record size. */
    public static long checkedRecords(Path file, Kind kind) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
        long size = Files.size(file);
        int rec = kind.recordBytes();
        if (size == 0) throw new DataFileException(file.toString(), "is empty; expected " + kind + " records of " + rec + " bytes");
        if (size % rec != 0) {
            Kind other = kind == Kind.CIFAR10 ? Kind.CIFAR100_FINE : Kind.CIFAR10;
            String hint = size % other.recordBytes() == 0 ? " (it fits " + other.recordBytes() + "-byte records: is it a "
                    + (other == Kind.CIFAR10 ? "CIFAR-10" : "CIFAR-100") + " file?)" : " (truncated or not a CIFAR file?)";
            throw new DataFileException(file.toString(), "size " + size + " is not a whole number of " + rec + "-byte " + kind
                    + " records (" + kind.labelBytes + " label byte" + (kind.labelBytes > 1 ? "s" : "") + " + 3072 pixel bytes)" + hint);
        }
        return size / rec;
    }

    /**
     * Loads split {@code "train"} or {@code "test"} from the folder the archive unpacks to (or its
     * parent): {@code cifar-10-batches-bin} ({@code data_batch_1..5.bin}, {@code test_batch.bin}) or
     * {@code cifar-100-binary} ({@code train.bin}, {@code test.bin}, fine labels).
     */
    public static TensorDataset loadDir(Path dir, String split) throws IOException {
        if (!split.equals("train") && !split.equals("test")) throw new IllegalArgumentException("CIFAR split must be \"train\" or \"test\", got \"" + split + "\"");
        for (Path d : List.of(dir, dir.resolve("cifar-10-batches-bin"), dir.resolve("cifar-100-binary"))) {
            if (Files.isRegularFile(d.resolve("test_batch.bin")) || Files.isRegularFile(d.resolve("data_batch_1.bin"))) {
                List<Path> files = new ArrayList<>();
                if (split.equals("test")) files.add(d.resolve("test_batch.bin"));
                else for (int i = 1; i <= 5; i++) if (Files.isRegularFile(d.resolve("data_batch_" + i + ".bin"))) files.add(d.resolve("data_batch_" + i + ".bin"));
                return load(files, Kind.CIFAR10);
            }
            if (Files.isRegularFile(d.resolve("train.bin")) || Files.isRegularFile(d.resolve("test.bin"))) {
                return load(List.of(d.resolve(split + ".bin")), Kind.CIFAR100_FINE);
            }
        }
        throw new NoSuchFileException(dir.toString(), null, "no CIFAR files here; looked for data_batch_1.bin / test_batch.bin (CIFAR-10)"
                + " or train.bin / test.bin (CIFAR-100), also in cifar-10-batches-bin/ and cifar-100-binary/");
    }

    /** True when {@code dir} holds CIFAR binary files as {@link #loadDir} looks for them. */
    public static boolean isCifarDir(Path dir) {
        for (Path d : List.of(dir, dir.resolve("cifar-10-batches-bin"), dir.resolve("cifar-100-binary"))) {
            for (String f : List.of("test_batch.bin", "data_batch_1.bin", "train.bin", "test.bin")) if (Files.isRegularFile(d.resolve(f))) return true;
        }
        return false;
    }
}
