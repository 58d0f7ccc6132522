package dev.beak.web.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.beak.web.Http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves a {@link RunLog} as the live training page: {@code /} the page, {@code /live/...} its script,
 * styles and uPlot (all inside the jar, so it works offline), {@code /events} the run's events as
 * server-sent events. A new stream (a reload) starts from the first event, or after the id in its
 * {@code Last-Event-ID} header (the browser's own reconnect), so the page always rebuilds the whole run.
 * A stream ends once the run has finished and it has sent everything; closing the server ends all.
 */
public final class LiveServer implements AutoCloseable {
    private static final long KEEPALIVE_MILLIS = 10_000;
    private final RunLog log;
    private final HttpServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LiveServer(RunLog log, InetSocketAddress address) throws IOException {
        this.log = log;
        this.server = Http.start(address);
        server.createContext("/", this::page);
        server.createContext("/events", this::events);
    }

    /** Serves {@code log} on 127.0.0.1:{@code port} (0: a free port). */
    public static LiveServer start(RunLog log, int port) throws IOException {
        return new LiveServer(log, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void page(HttpExchange ex) throws IOException {
        if (!Http.method(ex, "GET")) return;
        String path = ex.getRequestURI().getPath();
        if (path.equals("/")) Http.resource(ex, "live/live.html");
        else if (path.startsWith("/live/") && path.indexOf('/', 6) < 0) Http.resource(ex, "live/" + path.substring(6));
        else Http.error(ex, 404, "no such page: " + path);
    }

    private void events(HttpExchange ex) throws IOException {
        if (!Http.method(ex, "GET")) return;
        int seen = 0;
        String last = ex.getRequestHeaders().getFirst("Last-Event-ID");
        if (last != null) {
            try {
                seen = Math.max(0, Integer.parseInt(last.trim()));
            } catch (NumberFormatException e) {
                seen = 0;
            }
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            while (!closed.get()) {
                List<String> next = log.after(seen, KEEPALIVE_MILLIS);
                StringBuilder sb = new StringBuilder();
                for (String json : next) sb.append("id: ").append(++seen).append("\ndata: ").append(json).append("\n\n");
                if (next.isEmpty()) {
                    if (log.finished() && seen >= log.size()) break;
                    sb.append(": keep-alive\n\n");
                }
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The page went away (closed or reloaded); its next stream starts again.
        }
    }

    /** Stops serving: open streams end within a second. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) server.stop(1);
    }
}
