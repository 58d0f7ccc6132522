package dev.beak.data;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fetching over a loopback HTTP server; never the internet. */
class DownloaderTest {
    @TempDir
    Path dir;
    HttpServer server;
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<String> requests = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            synchronized (requests) {
                requests.add(name);
            }
            byte[] body = files.get(name);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void fetchesVerifiesAndCaches() throws Exception {
        byte[] content = "hello digits".getBytes(StandardCharsets.UTF_8);
        files.put("a.gz", content);
        var f = new PublicDataset.RemoteFile("https://example.invalid/data/a.gz", content.length, sha(content));
        Downloader d = new Downloader(dir, base());
        Path got = d.fetch(f, dir.resolve("set"), s -> {});
        assertThat(Files.readAllBytes(got)).isEqualTo(content);
        d.fetch(f, dir.resolve("set"), s -> {});
        assertThat(requests).containsExactly("a.gz"); // the second call verified the cached copy
    }

    @Test
    void wrongDigestIsRejectedAndNothingIsKept() throws Exception {
        files.put("b.gz", "tampered".getBytes(StandardCharsets.UTF_8));
        var f = new PublicDataset.RemoteFile("https://example.invalid/b.gz", 8, sha("original".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new Downloader(dir, base()).fetch(f, dir, s -> {}))
                .isInstanceOf(DataFileException.class).hasMessageContaining("b.gz").hasMessageContaining("SHA-256 mismatch");
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
        var missing = new PublicDataset.RemoteFile("https://example.invalid/c.gz", 1, sha(new byte[1]));
        assertThatThrownBy(() -> new Downloader(dir, base()).fetch(missing, dir, s -> {})).hasMessageContaining("HTTP 404");
    }

    @Test
    void aCachedCopyWithTheWrongDigestIsDeletedEvenWhenTheFetchFails() throws Exception {
        Path stale = Files.writeString(dir.resolve("d.gz"), "stale");
        var f = new PublicDataset.RemoteFile("https://example.invalid/d.gz", 5, sha("fresh".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new Downloader(dir, base()).fetch(f, dir, s -> {})).hasMessageContaining("HTTP 404");
        assertThat(stale).doesNotExist();
    }

    @Test
    void aResponseLargerThanTheFileIsRefused() throws Exception {
        files.put("e.gz", new byte[100_000]);
        var f = new PublicDataset.RemoteFile("https://example.invalid/e.gz", 10, sha(new byte[10]));
        assertThatThrownBy(() -> new Downloader(dir, base()).fetch(f, dir, s -> {})).isInstanceOf(DataFileException.class)
                .hasMessageContaining("e.gz").hasMessageContaining("100000 bytes, but the file has 10");
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void noNetworkSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var f = new PublicDataset.RemoteFile("https://example.invalid/x.gz", 1, sha(new byte[1]));
        assertThatThrownBy(() -> new Downloader(dir, "http://127.0.0.1:" + port).fetch(f, dir, s -> {}))
                .hasMessageContaining("cannot reach 127.0.0.1").hasMessageContaining("no network?");
    }

    @Test
    void unpacksCifarStyleArchives() throws Exception {
        byte[] tgz = tarGz(Map.of("cifar-10-batches-bin/test_batch.bin", new byte[3073 * 2]));
        files.put("cifar-10-binary.tar.gz", tgz);
        Path folder = dir.resolve("cifar10");
        new Downloader(dir, base()).fetch(new PublicDataset.RemoteFile("https://x.invalid/cifar-10-binary.tar.gz", tgz.length, sha(tgz)), folder, s -> {});
        Downloader.Tar.extractGzip(folder.resolve("cifar-10-binary.tar.gz"), folder);
        assertThat(Cifar.loadDir(folder, "test").size()).isEqualTo(2);
        byte[] evil = tarGz(Map.of("../evil.txt", new byte[1]));
        Path evilFile = Files.write(dir.resolve("evil.tar.gz"), evil);
        assertThatThrownBy(() -> Downloader.Tar.extractGzip(evilFile, dir.resolve("out"))).hasMessageContaining("would escape");
    }

    @Test
    void pinnedDigestsAreComplete() {
        for (PublicDataset d : PublicDataset.values()) {
            assertThat(d.files()).isNotEmpty();
            for (var f : d.files()) assertThat(f.sha256()).hasSize(64);
        }
        assertThat(PublicDataset.parse("Fashion_MNIST")).isEqualTo(PublicDataset.FASHION_MNIST);
    }

    static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (var e : entries.entrySet()) {
            byte[] h = new byte[512];
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, h, 0, name.length);
            byte[] size = String.format("%011o", e.getValue().length).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(size, 0, h, 124, size.length);
            h[156] = '0';
            raw.write(h);
            raw.write(e.getValue());
            raw.write(new byte[(512 - e.getValue().length % 512) % 512]);
        }
        raw.write(new byte[1024]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw.toByteArray());
        }
        return out.toByteArray();
    }
}
