package dev.beak.data;

import dev.beak.data.image.FloatImage;
import dev.beak.data.image.ImageFiles;
import dev.beak.data.image.ImageFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * What {@code beak data inspect} reports about an image folder, an IDX or CIFAR file, or a folder of
 * them: classes and counts per class, image sizes and channels, and every bad entry with its problem.
 * Image folders are decoded in full (strictly), so truncated files show up.
 */
public final class Inspector {
    /** The findings for one source. Sizes are {@code "HxW"} with counts; channels likewise. */
    public record Report(String path, String format, List<String> classes, int[] counts, Map<String, Integer> sizes,
                         Map<Integer, Integer> channels, List<BadEntry> bad, int ignored) {
        public int samples() {
            int n = 0;
            for (int c : counts) n += c;
            return n;
        }
    }

    private Inspector() {}

    /** Inspects {@code path}: an image folder, a folder of IDX/CIFAR files, or one such file. */
    public static List<Report> inspect(Path path, int threads) throws IOException {
        if (!Files.exists(path)) throw new DataFileException(path.toString(), "no such file or folder");
        if (Files.isRegularFile(path)) return List.of(file(path));
        List<Path> dataFiles = new ArrayList<>();
        for (Path d : List.of(path, path.resolve("cifar-10-batches-bin"), path.resolve("cifar-100-binary"))) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                s.filter(Files::isRegularFile).filter(Inspector::isDataFile).sorted().forEach(dataFiles::add);
            }
        }
        if (!dataFiles.isEmpty()) {
            List<Report> out = new ArrayList<>();
            for (Path f : dataFiles) out.add(file(f));
            return out;
        }
        return List.of(folder(path, threads));
    }

    static boolean isDataFile(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".bin") || n.contains("-ubyte");
    }

    static Report folder(Path root, int threads) throws IOException {
        ImageFolder folder = ImageFolder.scan(root, true);
        List<BadEntry> bad = new ArrayList<>(folder.problems());
        int[] counts = new int[folder.classes().size()];
        Map<String, Integer> sizes = new TreeMap<>();
        Map<Integer, Integer> channels = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<FloatImage>> decoded = new ArrayList<>();
            for (ImageFolder.Entry e : folder.entries()) decoded.add(pool.submit(() -> ImageFiles.decode(e.file())));
            for (int i = 0; i < decoded.size(); i++) {
                try {
                    FloatImage img = decoded.get(i).get();
                    counts[folder.entries().get(i).label()]++;
                    sizes.merge(img.height() + "x" + img.width(), 1, Integer::sum);
                    channels.merge(img.channels(), 1, Integer::sum);
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof DataFileException d) bad.add(BadEntry.of(d));
                    else bad.add(new BadEntry(folder.entries().get(i).file().toString(), String.valueOf(ex.getCause())));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", ex);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        bad.sort(java.util.Comparator.comparing(BadEntry::source));
        return new Report(root.toString(), "image folder", folder.classes(), counts, sizes, channels, bad, folder.ignored());
    }

    static Report file(Path f) {
        String name = f.getFileName().toString();
        try {
            if (name.endsWith(".bin")) return cifar(f);
            IdxFile idx = IdxReader.read(f);
            if (idx.rank() == 1) {
                Map<Integer, Integer> byLabel = new TreeMap<>();
                for (int i = 0; i < idx.count(); i++) byLabel.merge((int) idx.value(i), 1, Integer::sum);
                return labels(f, "IDX labels " + idx.type(), byLabel);
            }
            int c = idx.rank() == 4 ? idx.dim(3) : 1;
            return new Report(f.toString(), "IDX images " + idx.type(), List.of(), new int[] {idx.dim(0)},
                    Map.of(idx.dim(1) + "x" + (idx.rank() > 2 ? idx.dim(2) : 1), idx.dim(0)), Map.of(c, idx.dim(0)), List.of(), 0);
        } catch (DataFileException e) {
            return broken(f, BadEntry.of(e));
        } catch (IOException e) {
            return broken(f, new BadEntry(f.toString(), "cannot read: " + e));
        }
    }

    private static Report cifar(Path f) throws IOException {
        long size = Files.size(f);
        Cifar.Kind kind = size % Cifar.Kind.CIFAR10.recordBytes() == 0 ? Cifar.Kind.CIFAR10 : Cifar.Kind.CIFAR100_FINE;
        long records = Cifar.checkedRecords(f, kind);
        Map<Integer, Integer> byLabel = new TreeMap<>();
        int rec = kind.recordBytes(), labelAt = kind == Cifar.Kind.CIFAR10 ? 0 : 1;
        byte[] buf = new byte[rec];
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
            for (long r = 0; r < records; r++) {
                if (in.readNBytes(buf, 0, rec) < rec) throw new DataFileException(f.toString(), "truncated at record " + r);
                byLabel.merge(buf[labelAt] & 0xFF, 1, Integer::sum);
            }
        }
        Report labels = labels(f, kind == Cifar.Kind.CIFAR10 ? "CIFAR-10 binary" : "CIFAR-100 binary (fine labels)", byLabel);
        return new Report(labels.path(), labels.format(), labels.classes(), labels.counts(), Map.of("32x32", (int) records),
                Map.of(3, (int) records), labels.bad(), 0);
    }

    private static Report labels(Path f, String format, Map<Integer, Integer> byLabel) {
        List<String> classes = new ArrayList<>();
        int[] counts = new int[byLabel.size()];
        int i = 0;
        for (var e : byLabel.entrySet()) {
            classes.add(String.valueOf(e.getKey()));
            counts[i++] = e.getValue();
        }
        return new Report(f.toString(), format, classes, counts, Map.of(), Map.of(), List.of(), 0);
    }

    private static Report broken(Path f, BadEntry bad) {
        return new Report(f.toString(), "unreadable", List.of(), new int[0], Map.of(), Map.of(), List.of(bad), 0);
    }
}
