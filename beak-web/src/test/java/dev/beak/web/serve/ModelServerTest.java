package dev.beak.web.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beak.io.SavedModel;
import dev.beak.tensor.Tensor;
import dev.beak.viz.Pictures;
import dev.beak.web.Http;
import dev.beak.web.ValidationSamples;
import dev.beak.web.WebFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModelServerTest {
    private static final long LIMIT = 64 * 1024;
    private static SavedModel saved;
    private static ModelServer server;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        saved = WebFixtures.mnist();
        server = ModelServer.start(saved, 0, LIMIT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Test digit {@code i} as nested JSON arrays (1, 28, 28), pixels 0..1. */
    private static String digitJson(int i) {
        float[] d = WebFixtures.test(20).x().data();
        StringBuilder sb = new StringBuilder("[[");
        for (int r = 0; r < 28; r++) {
            sb.append(r == 0 ? "[" : ",[");
            for (int c = 0; c < 28; c++) sb.append(c == 0 ? "" : ",").append(d[i * 784 + r * 28 + c]);
            sb.append(']');
        }
        return sb.append("]]").toString();
    }

    private static int label(int i) {
        return (int) WebFixtures.test(20).y().data()[i];
    }

    private static HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Http.JSON.readTree(r.body());
    }

    /** The model's own predicted class for test digit i, computed in the test without the server. */
    private static int expectedClass(int i) {
        Tensor x = Tensor.of(java.util.Arrays.copyOfRange(WebFixtures.test(20).x().data(), i * 784, (i + 1) * 784), 1, 1, 28, 28);
        float[] out = saved.model().predict(x, 1).data();
        int best = 0;
        for (int c = 1; c < out.length; c++) if (out[c] > out[best]) best = c;
        return best;
    }

    @Test
    void aJsonTensorGetsTheTopClassesWithNamesAndProbabilities() throws Exception {
        HttpResponse<String> r = post("/predict?top=3", "application/json", ("{\"input\": " + digitJson(0) + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode p = json(r).get("predictions").get(0);
        assertThat(p.get("top")).hasSize(3);
        assertThat(p.get("top").get(0).get("index").asInt()).isEqualTo(expectedClass(0)).isEqualTo(label(0));
        assertThat(p.get("top").get(0).get("name").asText()).isEqualTo(WebFixtures.DIGITS.get(label(0)));
        double sum = 0;
        for (JsonNode v : p.get("probabilities")) sum += v.asDouble();
        assertThat(sum).isCloseTo(1, within(1e-4));
        assertThat(p.get("top").get(0).get("probability").asDouble()).isGreaterThanOrEqualTo(p.get("top").get(1).get("probability").asDouble());
        assertThat(p.has("gradcam")).isFalse();
    }

    @Test
    void aBatchGetsOneAnswerPerSample() throws Exception {
        String batch = "{\"top_k\": 1, \"input\": [" + digitJson(1) + "," + digitJson(2) + "]}";
        JsonNode ps = json(post("/predict", "application/json", batch.getBytes(StandardCharsets.UTF_8))).get("predictions");
        assertThat(ps).hasSize(2);
        assertThat(ps.get(0).get("top").get(0).get("index").asInt()).isEqualTo(expectedClass(1));
        assertThat(ps.get(1).get("top").get(0).get("index").asInt()).isEqualTo(expectedClass(2));
        assertThat(ps.get(1).get("top")).hasSize(1);
    }

    @Test
    void aPngImageIsDecodedWithTheStoredGeometryAndGetsGradCam() throws Exception {
        Tensor digits = WebFixtures.test(20).x();
        // Enlarged to 84x84: the server resizes it back to the model's 28x28.
        byte[] png = ValidationSamples.png(Pictures.enlarge(Pictures.image(digits, 3, 0, 1), 3));
        HttpResponse<String> r = post("/predict?gradcam=true", "image/png", png);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode p = json(r).get("predictions").get(0);
        assertThat(p.get("top").get(0).get("index").asInt()).isEqualTo(label(3));
        JsonNode cam = p.get("gradcam");
        assertThat(cam.get("layer").asText()).isEqualTo("conv2d_1");
        assertThat(cam.get("height").asInt()).isEqualTo(28);
        assertThat(cam.get("values")).hasSize(28 * 28);
        // The map is scaled to [0, 1] by its maximum (all 0 where no feature map speaks for the class).
        double max = 0;
        for (JsonNode v : cam.get("values")) {
            assertThat(v.asDouble()).isBetween(0.0, 1.0);
            max = Math.max(max, v.asDouble());
        }
        assertThat(max == 0 || Math.abs(max - 1) < 1e-5).as("maximum %s", max).isTrue();
    }

    @Test
    void aNumpyArrayGetsTheSameAnswerAsTheSameJson() throws Exception {
        // A .npy of test digit 4 (version 1 header as numpy.save writes it; the format itself is checked against NumPy's files in NpyTensorTest).
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 28, 28), }";
        header += " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 784 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 784; i++) b.putFloat(WebFixtures.test(20).x().data()[4 * 784 + i]);
        JsonNode npy = json(post("/predict", "application/x-npy", b.array())).get("predictions").get(0);
        JsonNode viaJson = json(post("/predict", "application/json", ("{\"input\": " + digitJson(4) + "}").getBytes())).get("predictions").get(0);
        assertThat(npy.get("probabilities")).isEqualTo(viaJson.get("probabilities"));
        assertThat(npy.get("top").get(0).get("index").asInt()).isEqualTo(expectedClass(4));
        JsonNode sniffed = json(post("/predict", "application/octet-stream", b.array())).get("predictions").get(0);
        assertThat(sniffed.get("probabilities")).isEqualTo(viaJson.get("probabilities"));
        assertError(post("/predict", "application/x-npy", java.util.Arrays.copyOf(b.array(), 200)), 400, "bytes of values");
    }

    @Test
    void theModelEndpointDescribesTheModel() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri().resolve("/model")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode m = json(r);
        assertThat(m.get("name").asText()).isEqualTo("tiny_mnist");
        assertThat(m.get("input_shape").toString()).isEqualTo("[1,28,28]");
        assertThat(m.get("classes")).hasSize(10);
        assertThat(m.get("parameters").asLong()).isEqualTo(saved.model().parameterCount());
        assertThat(m.get("summary").asText()).contains("conv2d_1");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        HttpResponse<String> r = post("/predict", "application/json", new byte[(int) LIMIT + 1]);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("error").asText()).contains("larger than " + LIMIT);
    }

    @Test
    void anOversizedChunkedBodyWithoutALengthIsRefusedWhileReading() throws Exception {
        HttpURLConnection c = (HttpURLConnection) server.uri().resolve("/predict").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setChunkedStreamingMode(4096);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(new byte[(int) LIMIT + 10]);
        } catch (IOException e) {
            // The server may close the connection before the whole body is sent.
        }
        assertThat(c.getResponseCode()).isEqualTo(413);
    }

    @Test
    void malformedBodiesGet400WithTheReason() throws Exception {
        assertError(post("/predict", "application/json", "{\"input\": [1, 2".getBytes()), 400, "not valid JSON");
        assertError(post("/predict", "application/json", "[1, 2]".getBytes()), 400, "\"input\"");
        assertError(post("/predict", "application/json", "{\"input\": [[[1, \"a\"]]]}".getBytes()), 400, "shape");
        assertError(post("/predict", "image/png", "not a png".getBytes()), 400, "the posted image");
        assertError(post("/predict", "text/plain", "hello".getBytes()), 415, "text/plain");
        assertError(post("/predict", "application/json", new byte[0]), 400, "no body");
        assertError(post("/predict?top=0", "application/json", ("{\"input\": " + digitJson(0) + "}").getBytes()), 400, "top must be");
        assertError(post("/predict?top=x", "application/json", ("{\"input\": " + digitJson(0) + "}").getBytes()), 400, "whole number");
    }

    @Test
    void wrongShapesNameBothShapes() throws Exception {
        assertError(post("/predict", "application/json", "{\"input\": [[1, 2], [3, 4]]}".getBytes()), 400, "(2, 2) but the model takes (1, 28, 28)");
        String full = digitJson(0);
        int cut = full.lastIndexOf(",0.0]");
        String ragged = full.substring(0, cut) + full.substring(cut + 4); // the last row one value short
        assertError(post("/predict", "application/json", ("{\"input\": " + ragged + "}").getBytes()), 400, "ragged");
        String nonNumber = digitJson(0).replaceFirst("0\\.0", "null");
        assertError(post("/predict", "application/json", ("{\"input\": " + nonNumber + "}").getBytes()), 400, "null where a number belongs");
    }

    @Test
    void wrongMethodsAndPathsAreRefused() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(server.uri().resolve("/predict")).build(), HttpResponse.BodyHandlers.ofString());
        assertError(get, 405, "takes POST");
        HttpResponse<String> none = client.send(HttpRequest.newBuilder(server.uri().resolve("/nothing")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(404);
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(server.uri()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<canvas id=\"pad\"");
    }

    @Test
    void sixteenConcurrentClientsEachGetTheirOwnAnswer() throws Exception {
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<int[]>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int digit = i % 10;
                boolean cam = i % 2 == 0;
                Callable<int[]> call = () -> {
                    HttpClient own = HttpClient.newHttpClient();
                    HttpResponse<String> r = own.send(HttpRequest.newBuilder(server.uri().resolve("/predict?gradcam=" + cam))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"input\": " + digitJson(digit) + "}")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    JsonNode p = json(r).get("predictions").get(0);
                    assertThat(p.has("gradcam")).isEqualTo(cam);
                    return new int[] {digit, p.get("top").get(0).get("index").asInt()};
                };
                answers.add(pool.submit(call));
            }
            for (Future<int[]> f : answers) {
                int[] a = f.get();
                assertThat(a[1]).as("digit " + a[0]).isEqualTo(expectedClass(a[0]));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        try (Socket s = new Socket(server.uri().getHost(), server.uri().getPort())) {
            s.setSoTimeout(10_000);
            String head = "POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String fragment) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("error").asText()).contains(fragment);
    }

}
