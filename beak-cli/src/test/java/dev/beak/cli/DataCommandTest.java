package dev.beak.cli;

import com.sun.net.httpserver.HttpServer;
import dev.beak.data.image.SyntheticShapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;

class DataCommandTest {
    @TempDir
    Path dir;

    @Test
    void inspectNamesEveryBadEntry() throws IOException {
        Path root = SyntheticShapes.write(dir.resolve("shapes"), 2, 5, 20, 1);
        byte[] jpeg = Files.readAllBytes(root.resolve("circle/0000.jpg"));
        Files.write(root.resolve("circle/cut.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 3));
        Files.writeString(root.resolve("square/fake.png"), "text");
        Files.createDirectories(root.resolve("zebra"));
        CliRun r = beak("data", "inspect", root.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("circle").contains("Sizes (HxW): 20x20 (10)").contains("Channels: 3 (10)")
                .contains("cut.jpg: corrupt").contains("fake.png: not an image").contains("zebra").contains("has no images");
        assertThat(r.lastLine()).startsWith("{\"bad_entries\":3,").contains("\"counts\":[5,5,0]");
    }

    @Test
    void inspectCifarAndIdxFiles() throws IOException {
        byte[] rec = new byte[3073 * 3];
        rec[3073] = 4;
        Path bin = Files.write(dir.resolve("data_batch_1.bin"), rec);
        CliRun r = beak("data", "inspect", bin.toString());
        assertThat(r.all()).contains("CIFAR-10 binary").contains("3 samples");
        Files.write(dir.resolve("bad.bin"), new byte[100]);
        CliRun bad = beak("data", "inspect", dir.resolve("bad.bin").toString(), "--json");
        assertThat(bad.err()).contains("bad.bin: size 100 is not a whole number");
    }

    @Test
    void previewWritesAGrid() throws IOException {
        Path root = SyntheticShapes.write(dir.resolve("p"), 2, 4, 48, 2);
        Path png = dir.resolve("out/grid.png");
        CliRun r = beak("data", "preview", root.toString(), "--augment", "flip,crop=40,rotate=20,brightness=0.3", "--out", png.toString(),
                "--count", "3", "--variants", "4", "--image-size", "48");
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(5 * 42 + 2);
        assertThat(img.getHeight()).isEqualTo(3 * 42 + 2);
    }

    @Test
    void getFailsClearlyWithoutNetworkAndVerifiesFromAMirror() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "not the real file".getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            CliRun r = beak("data", "get", "mnist", "--cache", dir.toString(), "--mirror", "http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("train-images-idx3-ubyte.gz").contains("SHA-256 mismatch");
        } finally {
            server.stop(0);
        }
        int port;
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun offline = beak("data", "get", "cifar10", "--cache", dir.toString(), "--mirror", "http://127.0.0.1:" + port);
        assertThat(offline.code()).isEqualTo(1);
        assertThat(offline.err()).contains("cannot reach").contains("no network?");
    }
}
