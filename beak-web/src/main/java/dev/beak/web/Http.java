package dev.beak.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * What Beak's two servers share on top of the JDK's {@code com.sun.net.httpserver}: starting one (each
 * exchange on its own virtual thread, so a long event stream holds no platform thread), JSON answers,
 * bounded request bodies and the pages and scripts shipped inside the jar.
 */
public final class Http {
    /** The one JSON mapper (thread-safe once configured). */
    public static final ObjectMapper JSON = new ObjectMapper();

    private Http() {}

    /** A started server on {@code address} (port 0 picks a free one). */
    public static HttpServer start(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    /** A request body larger than the server accepts. */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    /** The request body, refused (before reading it) when its declared length, or (while reading) its actual length, passes {@code limit}. */
    public static byte[] body(HttpExchange ex, long limit) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) throw new TooLarge(limit);
            } catch (NumberFormatException e) {
                throw new IOException("the Content-Length header is not a number: " + declared);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        try (InputStream in = ex.getRequestBody()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (out.size() + n > limit) throw new TooLarge(limit);
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    public static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    public static void error(HttpExchange ex, int status, String message) throws IOException {
        json(ex, status, Map.of("error", message));
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Answers with a file shipped in this module under {@code dev/beak/web/}: {@code name} is a path
     * below it such as {@code assets/uPlot.iife.min.js}; unknown names get 404.
     */
    public static void resource(HttpExchange ex, String name) throws IOException {
        byte[] body;
        try (InputStream in = name.contains("..") ? null : Http.class.getResourceAsStream(name)) {
            if (in == null) {
                error(ex, 404, "no such page: " + ex.getRequestURI().getPath());
                return;
            }
            body = in.readAllBytes();
        }
        send(ex, 200, contentType(name), body);
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        return "text/plain; charset=utf-8";
    }

    /** True when the request's method is {@code method}; otherwise answers 405 and returns false. */
    public static boolean method(HttpExchange ex, String method) throws IOException {
        if (ex.getRequestMethod().equalsIgnoreCase(method)) return true;
        ex.getResponseHeaders().set("Allow", method);
        error(ex, 405, ex.getRequestURI().getPath() + " takes " + method + ", not " + ex.getRequestMethod());
        return false;
    }
}
