package dev.beak.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beak.web.Http;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Headless Chromium driven over the DevTools protocol with the JDK's own HttpClient WebSocket (no
 * Selenium, no driver binary): launch with {@code --remote-debugging-port=0}, read the port from the
 * "DevTools listening on" line, attach to the first page target, send commands and await their replies.
 * {@link #find()} is empty where no Chromium is installed, and the browser tests skip.
 */
final class Chromium implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** The Chromium binary: $BEAK_CHROMIUM, else chromium, chromium-browser or google-chrome on the PATH. */
    static Optional<Path> find() {
        String own = System.getenv("BEAK_CHROMIUM");
        if (own != null && Files.isExecutable(Path.of(own))) return Optional.of(Path.of(own));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A headless Chromium showing one blank page of {@code width} x {@code height} CSS pixels. */
    static Chromium launch(Path binary, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("beak-chromium");
        Process p = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--hide-scrollbars", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0) endpoint.complete(line.substring(at));
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("Chromium exited without a DevTools endpoint"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            URI browser = URI.create(endpoint.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
            String pageSocket = null;
            for (int tries = 0; pageSocket == null && tries < 50; tries++) {
                for (JsonNode t : Http.JSON.readTree(http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString()).body())) {
                    if (t.get("type").asText().equals("page")) pageSocket = t.get("webSocketDebuggerUrl").asText();
                }
                if (pageSocket == null) Thread.sleep(100);
            }
            if (pageSocket == null) throw new IOException("Chromium shows no page target");
            return new Chromium(p, profile, http, URI.create(pageSocket), width, height);
        } catch (Exception e) {
            p.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    private Chromium(Process process, Path profile, HttpClient http, URI page, int width, int height) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = http.newWebSocketBuilder().buildAsync(page, new Replies()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        send("Page.enable", Map.of());
        send("Runtime.enable", Map.of());
        // The viewport exactly (the window size includes the browser's own frame).
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Routes each reply (a message with an id) to the command that waits for it; events are ignored. */
    private final class Replies implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode m = Http.JSON.readTree(partial.toString());
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                        if (f != null) f.complete(m);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    /** Sends a DevTools command and returns its {@code result}; a protocol error fails with its message. */
    JsonNode send(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode m = Http.JSON.createObjectNode().put("id", id).put("method", method);
        m.set("params", Http.JSON.valueToTree(params));
        socket.sendText(Http.JSON.writeValueAsString(m), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) throw new IllegalStateException(method + ": " + r.get("error"));
        return r.get("result");
    }

    void navigate(URI uri) throws Exception {
        send("Page.navigate", Map.of("url", uri.toString()));
        waitFor(() -> "complete".equals(evaluateQuietly("document.readyState").asText()), "the page to load");
    }

    void reload() throws Exception {
        send("Page.reload", Map.of("ignoreCache", true));
        Thread.sleep(200);
        waitFor(() -> "complete".equals(evaluateQuietly("document.readyState").asText()), "the page to reload");
    }

    /** The value of a JavaScript expression (promises awaited), as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException("JavaScript failed: " + r.get("exceptionDetails"));
        JsonNode v = r.get("result").get("value");
        return v == null ? Http.JSON.nullNode() : v;
    }

    /** The expression's number, or {@code fallback} while the page cannot answer (loading, reloading). */
    int evaluateOr(String expression, int fallback) {
        JsonNode v = evaluateQuietly(expression);
        return v.isNumber() ? v.asInt() : fallback;
    }

    boolean evaluateOr(String expression, boolean fallback) {
        JsonNode v = evaluateQuietly(expression);
        return v.isBoolean() ? v.asBoolean() : fallback;
    }

    private JsonNode evaluateQuietly(String expression) {
        try {
            return evaluate(expression);
        } catch (Exception e) {
            return Http.JSON.nullNode();
        }
    }

    /** Polls {@code condition} every 50 ms until it holds; fails after 30 s naming {@code what}. */
    void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    /** A mouse event at page coordinates: {@code mousePressed}, {@code mouseMoved} (button held) or {@code mouseReleased}. */
    void mouse(String type, double x, double y) throws Exception {
        send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "buttons", type.equals("mouseReleased") ? 0 : 1,
                "clickCount", 1));
    }

    /** A PNG of the viewport. */
    void screenshot(Path file) throws Exception {
        JsonNode r = send("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The browser is ended below anyway.
        }
        process.descendants().forEach(ProcessHandle::destroy); // its renderer and helper processes
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Chromium may still be writing its profile; the temporary folder goes with the machine.
                }
            }
        }
    }
}
