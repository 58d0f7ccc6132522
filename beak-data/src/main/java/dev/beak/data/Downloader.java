package dev.beak.data;

import dev.beak.tensor.Limits;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Fetches {@link PublicDataset}s into a cache folder ({@code $BEAK_CACHE}, else {@code ~/.cache/beak}),
 * one subfolder per dataset, and checks every file's SHA-256 against the pinned digest; a file that
 * does not match is deleted and reported. Files already cached are verified, not fetched again.
 * CIFAR archives are unpacked next to themselves. The addresses can be redirected to a mirror (a base
 * URL the file names are appended to) with the constructor or the {@code beak.data.mirror} property.
 */
public final class Downloader {
    private final Path cache;
    private final String mirror;
    private final HttpClient http;

    public Downloader(Path cache, String mirror) {
        this.cache = cache;
        this.mirror = mirror != null ? mirror : System.getProperty("beak.data.mirror");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** {@code $BEAK_CACHE} if set, else {@code ~/.cache/beak}. */
    public static Path defaultCache() {
        String env = System.getenv("BEAK_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "beak");
    }

    public Path cache() {
        return cache;
    }

    /** Fetches (or verifies) every file of {@code dataset}; returns the dataset's folder, ready for the loaders. */
    public Path fetch(PublicDataset dataset, Consumer<String> log) throws IOException {
        Path dir = cache.resolve(dataset.id());
        for (PublicDataset.RemoteFile f : dataset.files()) {
            Path file = fetch(f, dir, log);
            if (file.getFileName().toString().endsWith(".tar.gz")) {
                log.accept("unpacking " + file.getFileName());
                Tar.extractGzip(file, dir);
            }
        }
        return dir;
    }

    /** Fetches one file into {@code dir} unless a copy with the right digest is there; returns its path. */
    public Path fetch(PublicDataset.RemoteFile f, Path dir, Consumer<String> log) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(f.fileName());
        if (Files.isRegularFile(target)) {
            String have = sha256(target);
            if (have.equals(f.sha256())) {
                log.accept(f.fileName() + ": cached, SHA-256 verified");
                return target;
            }
            // Deleted now, so that no later run (or a failed fetch) leaves a wrong copy to be used.
            Files.delete(target);
            log.accept(f.fileName() + ": cached copy had the wrong SHA-256 and was deleted; fetching again");
        }
        String url = mirror != null ? mirror.replaceAll("/+$", "") + "/" + f.fileName() : f.url();
        log.accept("fetching " + url);
        Path tmp = Files.createTempFile(dir, "." + f.fileName(), ".part");
        try {
            HttpResponse<InputStream> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (ConnectException | HttpConnectTimeoutException | UnknownHostException e) {
                throw new IOException("cannot reach " + URI.create(url).getHost() + " to fetch " + f.fileName()
                        + " (no network?): " + e + ". Copy the file into " + dir + " by hand, or set a mirror.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + url, e);
            }
            MessageDigest md = digest();
            try (InputStream body = new DigestInputStream(new BufferedInputStream(response.body(), 1 << 16), md);
                 OutputStream out = Files.newOutputStream(tmp)) {
                if (response.statusCode() != 200) {
                    throw new IOException(url + ": the server answered HTTP " + response.statusCode() + " instead of the file");
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (f.size() > 0 && declared > f.size()) {
                    throw new DataFileException(url, "the server sends " + declared + " bytes, but the file has " + f.size() + "; refused");
                }
                long cap = f.size() > 0 ? f.size() : Limits.current().maxInflated();
                new BoundedInputStream(body, url, cap, "more than the file's " + cap + " bytes; the download was discarded").transferTo(out);
            }
            String got = HexFormat.of().formatHex(md.digest());
            if (!got.equals(f.sha256())) {
                throw new DataFileException(url, "SHA-256 mismatch: expected " + f.sha256() + ", got " + got + " ("
                        + Files.size(tmp) + " bytes, expected " + f.size() + "); the download was discarded");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.accept(f.fileName() + ": " + Files.size(target) + " bytes, SHA-256 verified");
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The SHA-256 of a file as lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A minimal reader of (ustar) tar archives: regular files and folders, nothing that escapes the target. */
    static final class Tar {
        private Tar() {}

        static void extractGzip(Path archive, Path into) throws IOException {
            try (InputStream in = BoundedInputStream.inflated(
                    new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16), archive.toString())) {
                extract(in, into, archive.toString());
            }
        }

        static void extract(InputStream in, Path into, String source) throws IOException {
            Path root = into.toAbsolutePath().normalize();
            byte[] header = new byte[512];
            while (true) {
                int got = in.readNBytes(header, 0, 512);
                if (got == 0) return;
                if (got < 512) throw new DataFileException(source, "truncated tar header");
                if (isZero(header)) return; // end-of-archive marker
                String name = field(header, 0, 100), prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) name = prefix + "/" + name;
                long size;
                try {
                    size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                } catch (NumberFormatException e) {
                    throw new DataFileException(source, "entry \"" + name + "\" has a bad size field \"" + field(header, 124, 12) + "\"");
                }
                if (size < 0) throw new DataFileException(source, "entry \"" + name + "\" has a negative size");
                char type = (char) header[156];
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root) || name.startsWith("/")) throw new DataFileException(source, "entry \"" + name + "\" would escape " + into);
                if (type == '5') {
                    Files.createDirectories(target);
                } else if (type == '0' || type == 0) {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        copy(in, out, size, source, name);
                    }
                } else {
                    in.skipNBytes(size); // links and other entries: CIFAR archives have none
                }
                long pad = (512 - size % 512) % 512;
                in.skipNBytes(pad);
            }
        }

        private static void copy(InputStream in, OutputStream out, long size, String source, String name) throws IOException {
            byte[] buf = new byte[1 << 16];
            long left = size;
            while (left > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) throw new DataFileException(source, "truncated in entry " + name);
                out.write(buf, 0, r);
                left -= r;
            }
        }

        private static String field(byte[] h, int off, int len) {
            int end = off;
            while (end < off + len && h[end] != 0) end++;
            return new String(h, off, end - off, StandardCharsets.US_ASCII);
        }

        private static boolean isZero(byte[] b) {
            for (byte x : b) if (x != 0) return false;
            return true;
        }
    }
}
