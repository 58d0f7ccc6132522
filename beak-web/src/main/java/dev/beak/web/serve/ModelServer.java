package dev.beak.web.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.beak.data.DataFileException;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;
import dev.beak.web.Http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code beak serve}: a saved model behind a small HTTP JSON API and a drawing page.
 * <ul>
 * <li>{@code POST /predict} with an image body ({@code Content-Type: image/png}, {@code image/jpeg}, ...),
 * decoded with the model file's geometry and preprocessing, with JSON {@code {"input": [...]}} (one sample
 * or a batch as nested arrays) or with a NumPy {@code .npy} array ({@code application/x-npy}), both in the
 * pixel range the model file's decoded images have (its preprocessing is applied). Query {@code top=K} (default 5) and {@code gradcam=true}. Answer:
 * {@code {"predictions": [{"top": [{"index", "name", "probability"}...], "probabilities": [...],
 * "gradcam": {"layer", "height", "width", "values"}}]}}.</li>
 * <li>{@code GET /model}: name, input and output shapes, class names, parameter count, summary.</li>
 * <li>{@code GET /}: the page where one draws with the mouse and sees the prediction and Grad-CAM.</li>
 * </ul>
 * Bodies over the limit are refused with 413 (before reading, when the length is declared), malformed
 * ones with 400, and every error is {@code {"error": "..."}}. Bound to 127.0.0.1 unless told otherwise.
 */
public final class ModelServer implements AutoCloseable {
    /** The default limit on a request body: 4 MiB, ample for a photo or a JSON batch of small images. */
    public static final long DEFAULT_MAX_BODY = 4L << 20;
    private static final int MAX_TOP = 1000;
    private final Predictor predictor;
    private final long maxBody;
    private final HttpServer server;

    private ModelServer(Predictor predictor, InetSocketAddress address, long maxBody) throws IOException {
        this.predictor = predictor;
        this.maxBody = maxBody;
        this.server = Http.start(address);
        server.createContext("/", this::page);
        server.createContext("/model", this::model);
        server.createContext("/predict", this::predict);
    }

    /** Serves {@code saved} on 127.0.0.1:{@code port} (0: a free port). */
    public static ModelServer start(SavedModel saved, int port, long maxBody) throws IOException {
        return start(saved, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), maxBody);
    }

    public static ModelServer start(SavedModel saved, InetSocketAddress address, long maxBody) throws IOException {
        if (maxBody < 1) throw new IllegalArgumentException("the body limit must be >= 1 byte, got " + maxBody);
        if (saved.model().inputCount() != 1) throw new IllegalArgumentException("beak serve takes models with one input; this one has " + saved.model().inputCount());
        return new ModelServer(new Predictor(saved), address, maxBody);
    }

    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    private void page(HttpExchange ex) throws IOException {
        if (!Http.method(ex, "GET")) return;
        String path = ex.getRequestURI().getPath();
        if (path.equals("/")) Http.resource(ex, "serve/serve.html");
        else if (path.startsWith("/serve/") && path.indexOf('/', 7) < 0) Http.resource(ex, "serve/" + path.substring(7));
        else Http.error(ex, 404, "no such page: " + path);
    }

    private void model(HttpExchange ex) throws IOException {
        if (!Http.method(ex, "GET")) return;
        SavedModel saved = predictor.saved();
        Model m = saved.model();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", m.name());
        body.put("input_shape", m.inputShape());
        body.put("output_shape", m.outputShape());
        body.put("classes", saved.classNames());
        body.put("parameters", m.parameterCount());
        if (saved.inputGeometry() != null) body.put("input_geometry", saved.inputGeometry().describe());
        body.put("summary", m.summary());
        Http.json(ex, 200, body);
    }

    private void predict(HttpExchange ex) throws IOException {
        if (!Http.method(ex, "POST")) return;
        try {
            Map<String, String> query = query(ex.getRequestURI());
            int k = intParameter(query, "top", 5);
            boolean gradCam = Boolean.parseBoolean(query.getOrDefault("gradcam", "false"));
            byte[] body = Http.body(ex, maxBody);
            if (body.length == 0) throw new IllegalArgumentException("the request has no body: post an image or {\"input\": [...]}");
            String type = contentType(ex);
            Tensor x;
            if (type.equals("application/json")) {
                JsonNode json = Http.JSON.readTree(body);
                if (json == null || !json.isObject() || !json.has("input")) throw new IllegalArgumentException("the JSON body must be an object with \"input\" (nested arrays)");
                if (json.has("top_k")) k = json.get("top_k").asInt(-1);
                x = predictor.preprocessed(JsonTensor.parse(json.get("input"), predictor.sampleShape(), (int) Math.min(Integer.MAX_VALUE, maxBody)));
            } else if (type.equals("application/x-npy") || (type.equals("application/octet-stream") && NpyTensor.isNpy(body))) {
                x = predictor.preprocessed(NpyTensor.parse(body, predictor.sampleShape()));
            } else if (type.startsWith("image/") || type.equals("application/octet-stream")) {
                x = predictor.image(body);
            } else {
                Http.error(ex, 415, "cannot read a body of type \"" + type + "\": send an image (image/png, image/jpeg, ...), application/json or application/x-npy");
                return;
            }
            if (k < 1 || k > MAX_TOP) throw new IllegalArgumentException("top must be between 1 and " + MAX_TOP + ", got " + k);
            List<Map<String, Object>> answers = predictor.predict(x, k, gradCam);
            Http.json(ex, 200, Map.of("predictions", answers));
        } catch (Http.TooLarge e) {
            Http.error(ex, 413, e.getMessage());
        } catch (JsonProcessingException e) {
            Http.error(ex, 400, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (DataFileException e) {
            Http.error(ex, 400, e.getMessage());
        } catch (IllegalArgumentException e) {
            Http.error(ex, 400, e.getMessage());
        }
    }

    private static String contentType(HttpExchange ex) {
        String t = ex.getRequestHeaders().getFirst("Content-Type");
        if (t == null) return "application/octet-stream";
        int semi = t.indexOf(';');
        return (semi < 0 ? t : t.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = uri.getQuery();
        if (raw == null) return q;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) q.put(pair.substring(0, eq), pair.substring(eq + 1));
            else if (!pair.isEmpty()) q.put(pair, "true");
        }
        return q;
    }

    private static int intParameter(Map<String, String> q, String name, int fallback) {
        String v = q.get(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter " + name + " must be a whole number, got \"" + v + "\"");
        }
    }

    /** Stops serving; requests in progress get a second to finish. */
    @Override
    public void close() {
        server.stop(1);
    }
}
