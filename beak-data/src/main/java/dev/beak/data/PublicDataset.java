package dev.beak.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/**
 * The public datasets {@code beak data get} fetches, with their usual addresses and pinned SHA-256
 * digests. The digests are the ones TensorFlow Datasets pins for the same files
 * ({@code tensorflow_datasets/url_checksums/{mnist,fashion_mnist,cifar10,cifar100}.txt}); the file
 * sizes come from the same lists. MNIST is fetched from the Google-hosted copy TFDS uses, since
 * yann.lecun.com often refuses downloads.
 */
public enum PublicDataset {
    MNIST("mnist", List.of(
            new RemoteFile("https://storage.googleapis.com/cvdf-datasets/mnist/train-images-idx3-ubyte.gz", 9912422,
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
            new RemoteFile("https://storage.googleapis.com/cvdf-datasets/mnist/train-labels-idx1-ubyte.gz", 28881,
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
            new RemoteFile("https://storage.googleapis.com/cvdf-datasets/mnist/t10k-images-idx3-ubyte.gz", 1648877,
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
            new RemoteFile("https://storage.googleapis.com/cvdf-datasets/mnist/t10k-labels-idx1-ubyte.gz", 4542,
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"))),
    FASHION_MNIST("fashion-mnist", List.of(
            new RemoteFile("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz", 26421880,
                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
            new RemoteFile("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-labels-idx1-ubyte.gz", 29515,
                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
            new RemoteFile("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-images-idx3-ubyte.gz", 4422102,
                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
            new RemoteFile("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-labels-idx1-ubyte.gz", 5148,
                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"))),
    CIFAR10("cifar10", List.of(
            new RemoteFile("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", 170052171,
                    "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd"))),
    CIFAR100("cifar100", List.of(
            new RemoteFile("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz", 168513733,
                    "58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec")));

    /** One file to fetch: its usual address, size in bytes and SHA-256 (lower-case hex). */
    public record RemoteFile(String url, long size, String sha256) {
        public RemoteFile {
            if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
        }

        /** The last path segment of the address. */
        public String fileName() {
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }

    private final String id;
    private final List<RemoteFile> files;

    PublicDataset(String id, List<RemoteFile> files) {
        this.id = id;
        this.files = files;
    }

    /** The command-line name and cache folder: {@code mnist}, {@code fashion-mnist}, {@code cifar10}, {@code cifar100}. */
    public String id() {
        return id;
    }

    public List<RemoteFile> files() {
        return files;
    }

    public static PublicDataset parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "-");
        for (PublicDataset d : values()) if (d.id.equals(n) || d.id.replace("-", "").equals(n.replace("-", ""))) return d;
        throw new IllegalArgumentException("unknown dataset \"" + name + "\"; known: mnist, fashion-mnist, cifar10, cifar100");
    }

    /** Whether {@code name} names one of these datasets ({@link #parse} would take it). */
    public static boolean isName(String name) {
        try {
            parse(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A data path as given, or, when it is a dataset's name and no such file or folder exists here, that
     * dataset's {@link #localCopy}, fetched into {@code cache} first when there is none ({@code log} hears why
     * and how it goes). A path that is neither is returned as it is, for the loaders to name.
     */
    public static Path resolve(Path given, Path cache, java.util.function.Consumer<String> log) throws java.io.IOException {
        if (given == null || Files.exists(given) || given.getNameCount() != 1 || !isName(given.toString())) return given;
        PublicDataset d = parse(given.toString());
        Optional<Path> local = d.localCopy(cache);
        if (local.isPresent()) return local.get();
        log.accept("no local copy of " + d.id() + "; downloading it into " + cache);
        return new Downloader(cache, null).fetch(d, log);
    }

    /** Folders where system packages put datasets: Debian's {@code dataset-fashion-mnist} installs {@code /usr/share/datasets/fashion-mnist}. */
    public static final List<Path> SYSTEM_FOLDERS = List.of(Path.of("/usr/share/datasets"));

    /**
     * A complete copy of this dataset on this machine, without the network: a system package's folder
     * ({@link #SYSTEM_FOLDERS}, name {@link #id()}), else {@code cache}'s folder as {@code beak data get}
     * fills it; empty when neither has every file.
     */
    public Optional<Path> localCopy(Path cache) {
        List<Path> candidates = new ArrayList<>();
        for (Path root : SYSTEM_FOLDERS) candidates.add(root.resolve(id));
        if (cache != null) candidates.add(cache.resolve(id));
        for (Path dir : candidates) if (isComplete(dir)) return Optional.of(dir);
        return Optional.empty();
    }

    /** Every file is there (gzipped or not; archives unpacked when the dataset is one). */
    private boolean isComplete(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        if (this == CIFAR10 || this == CIFAR100) return Cifar.isCifarDir(dir);
        for (RemoteFile f : files) {
            String name = f.fileName(), plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
            if (!Files.isRegularFile(dir.resolve(name)) && !Files.isRegularFile(dir.resolve(plain))) return false;
        }
        return true;
    }
}
