package dev.beak.data.image;

import dev.beak.data.BadEntry;
import dev.beak.data.DataFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A folder of images with one subfolder per class (Keras' {@code image_dataset_from_directory}
 * layout): class names are the subfolder names in sorted order, labels their indices. Files with an
 * image extension (JPEG, PNG, BMP, GIF) at any depth below a class folder are samples; other files are
 * counted as ignored. Scanning reads no image: problems seen without decoding (a broken link, a folder
 * named like an image) are kept in {@link #problems()}; decoding problems surface when loading.
 *
 * {@snippet :
 * ImageFolder all = ImageFolder.scan(Path.of("data/shapes"));
 * ImageFolder.Split s = all.split(0.2, 42);            // 80% train, 20% validation, per class
 * ImageDataset train = s.train().dataset(ImageOptions.of(64, 64));
 * }
 */
public final class ImageFolder {
    /** One image file and its class index. */
    public record Entry(Path file, int label) {}

    /** A train/validation split of one folder. */
    public record Split(ImageFolder train, ImageFolder validation) {}

    /** A train/validation/test split of one folder. */
    public record ThreeWaySplit(ImageFolder train, ImageFolder validation, ImageFolder test) {}

    private final Path root;
    private final List<String> classes;
    private final List<Entry> entries;
    private final List<BadEntry> problems;
    private final int ignored;

    private ImageFolder(Path root, List<String> classes, List<Entry> entries, List<BadEntry> problems, int ignored) {
        this.root = root;
        this.classes = List.copyOf(classes);
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
        this.ignored = ignored;
    }

    /**
     * Scans {@code root}. Fails when the root is missing, unreadable or holds no class folders, and when
     * a class folder holds no image files (an empty class cannot be learnt and would shift the labels).
     */
    public static ImageFolder scan(Path root) throws IOException {
        return scan(root, false);
    }

    /** With {@code lenient}, an empty class folder is listed in {@link #problems()} instead of failing (for inspection). */
    public static ImageFolder scan(Path root, boolean lenient) throws IOException {
        String source = root.toString();
        if (!Files.exists(root)) throw new DataFileException(source, "no such folder");
        if (!Files.isDirectory(root)) throw new DataFileException(source, "is a file, expected a folder with one subfolder per class");
        if (!Files.isReadable(root)) throw new DataFileException(source, "cannot read the folder (permissions?)");
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataFileException(source, "cannot list the folder: " + e.getMessage(), e);
        }
        if (classDirs.isEmpty()) {
            throw new DataFileException(source, "has no class folders; expected one subfolder per class (cats/, dogs/, ...) holding the images");
        }
        List<String> classes = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        List<BadEntry> problems = new ArrayList<>();
        int ignored = 0;
        for (Path dir : classDirs) {
            int label = classes.size();
            classes.add(dir.getFileName().toString());
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(p -> !p.equals(dir)).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new DataFileException(dir.toString(), "cannot list the class folder: " + e.getMessage(), e);
            }
            int images = 0;
            for (Path f : files) {
                boolean image = ImageFiles.hasImageExtension(f);
                if (Files.isDirectory(f)) {
                    if (image) problems.add(new BadEntry(f.toString(), "is a folder, not an image file"));
                    continue;
                }
                if (!image) {
                    ignored++;
                    continue;
                }
                images++;
                if (!Files.isRegularFile(f)) problems.add(new BadEntry(f.toString(), Files.isSymbolicLink(f) ? "is a broken link" : "is not a regular file"));
                else if (!Files.isReadable(f)) problems.add(new BadEntry(f.toString(), "cannot read the file (permissions?)"));
                else entries.add(new Entry(f, label));
            }
            if (images == 0) {
                String problem = "class folder \"" + classes.getLast() + "\" has no images (JPEG, PNG, BMP or GIF); add images or remove the folder";
                if (lenient) {
                    problems.add(new BadEntry(dir.toString(), problem));
                    continue;
                }
                throw new DataFileException(dir.toString(), "class folder \"" + classes.getLast() + "\" has no images (JPEG, PNG, BMP or GIF);"
                        + " add images or remove the folder");
            }
        }
        return new ImageFolder(root, classes, entries, problems, ignored);
    }

    public Path root() {
        return root;
    }

    public List<String> classes() {
        return classes;
    }

    /** The usable image files in (class, path) order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Files found unusable while scanning (before any decoding). */
    public List<BadEntry> problems() {
        return problems;
    }

    /** Number of files without an image extension that were left out. */
    public int ignored() {
        return ignored;
    }

    public int size() {
        return entries.size();
    }

    public int[] countsPerClass() {
        int[] counts = new int[classes.size()];
        for (Entry e : entries) counts[e.label()]++;
        return counts;
    }

    /**
     * Training and test folders: {@code dir} split per class ({@code fraction} held out, seeded), or, with
     * a {@code testDir}, all of {@code dir} and all of {@code testDir}, whose class folders must be the same.
     */
    public static Split split(Path dir, Path testDir, double fraction, long seed) throws IOException {
        ImageFolder all = scan(dir);
        if (testDir == null) return all.split(fraction, seed);
        ImageFolder test = scan(testDir);
        if (!test.classes().equals(all.classes())) {
            throw new IllegalArgumentException("the class folders differ: " + dir + " has " + all.classes() + ", " + testDir + " has " + test.classes());
        }
        return new Split(all, test);
    }

    /**
     * Splits each class at random (seeded) so that about {@code fraction} of its images go to the
     * validation part, at least one when the class has two or more.
     */
    public Split split(double fraction, long seed) {
        ThreeWaySplit s = split(fraction, 0, seed);
        return new Split(s.train(), s.validation());
    }

    /**
     * Splits each class at random (seeded): about {@code validationFraction} of its images to validation,
     * {@code testFraction} to test (each at least one when the fraction is positive and the class has
     * enough images), the rest to training. The same seed gives the same split.
     */
    public ThreeWaySplit split(double validationFraction, double testFraction, long seed) {
        if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("split fractions must be >= 0 and leave some training data, got validation "
                    + validationFraction + ", test " + testFraction);
        }
        List<Entry> train = new ArrayList<>(), validation = new ArrayList<>(), test = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int c = 0; c < classes.size(); c++) {
            List<Entry> mine = new ArrayList<>();
            for (Entry e : entries) if (e.label() == c) mine.add(e);
            for (int i = mine.size() - 1; i > 0; i--) Collections.swap(mine, i, rng.nextInt(i + 1)); // Fisher-Yates
            int nVal = share(mine.size(), validationFraction, 1), nTest = share(mine.size(), testFraction, 1 + nVal);
            validation.addAll(mine.subList(0, nVal));
            test.addAll(mine.subList(nVal, nVal + nTest));
            train.addAll(mine.subList(nVal + nTest, mine.size()));
        }
        return new ThreeWaySplit(new ImageFolder(root, classes, train, problems, ignored),
                new ImageFolder(root, classes, validation, List.of(), 0), new ImageFolder(root, classes, test, List.of(), 0));
    }

    /** round(n * fraction), at least 1 for a positive fraction, leaving at least one image of n - taken for training. */
    private static int share(int n, double fraction, int taken) {
        if (fraction == 0 || n - taken < 1) return 0;
        return Math.min(n - taken, Math.max(1, (int) Math.round(n * fraction)));
    }

    /**
     * A lazily decoding dataset over these files; see {@link ImageDataset}. Fails on the first scanning
     * problem unless {@code options.skipBad()}, in which case the caller reports {@link #problems()}.
     */
    public ImageDataset dataset(ImageOptions options) throws DataFileException {
        if (!options.skipBad() && !problems.isEmpty()) throw problems.getFirst().toException();
        return new ImageDataset(this, options);
    }
}
