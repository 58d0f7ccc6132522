package dev.beak.web.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.web.Http;
import dev.beak.web.WebFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LivePageTest {
    @TempDir Path dir;
    private final HttpClient client = HttpClient.newHttpClient();

    /** The events of a stream as (id, JSON) pairs, read until it ends. */
    private List<Map.Entry<Integer, JsonNode>> stream(URI uri, String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri.resolve("/events"));
        if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
        HttpResponse<java.io.InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<Map.Entry<Integer, JsonNode>> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            int id = -1;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("id: ")) id = Integer.parseInt(line.substring(4));
                else if (line.startsWith("data: ")) events.add(Map.entry(id, Http.JSON.readTree(line.substring(6))));
            }
        }
        return events;
    }

    @Test
    void aFitIsRecordedServedAndReplayedFromItsFolder() throws Exception {
        Model model = WebFixtures.untrained(5);
        model.compile(new Adam(1e-3), new CrossEntropy());
        var test = WebFixtures.test(100);
        Path run = dir.resolve("run");
        URI uri;
        try (LivePage page = LivePage.open(run, 0, LiveSettings.of(test, WebFixtures.DIGITS))) {
            uri = page.uri();
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            model.fit(WebFixtures.train(320), FitOptions.epochs(2).batchSize(16).validation(test).seed(1).verbose(0).callbacks(page.listener()));
            // The run has ended: a stream replays it all and ends; a reconnect after event 3 gets the rest.
            List<Map.Entry<Integer, JsonNode>> all = stream(uri, null);
            assertThat(all.getFirst().getKey()).isEqualTo(1);
            assertThat(all.getFirst().getValue().get("type").asText()).isEqualTo("start");
            assertThat(all.getLast().getValue().get("type").asText()).isEqualTo("end");
            List<Map.Entry<Integer, JsonNode>> rest = stream(uri, "3");
            assertThat(rest.getFirst().getKey()).isEqualTo(4);
            assertThat(rest).hasSize(all.size() - 3);
            HttpResponse<String> html = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(html.body()).contains("/live/uPlot.iife.min.js").doesNotContain("https://");
            HttpResponse<String> js = client.send(HttpRequest.newBuilder(uri.resolve("/live/uPlot.iife.min.js")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(js.statusCode()).isEqualTo(200);
            assertThat(js.body()).startsWith("/*! https://github.com/leeoniya/uPlot");
        }

        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve(RunLog.FILE))) events.add(Http.JSON.readTree(line));
        List<String> types = events.stream().map(e -> e.get("type").asText()).distinct().toList();
        assertThat(types).containsExactly("start", "batch", "ratios", "epoch", "histograms", "samples", "confusion", "end");
        JsonNode start = events.getFirst();
        assertThat(start.get("summary").asText()).contains("conv2d_1");
        assertThat(start.get("sample_images")).hasSize(16);
        assertThat(start.get("sample_images").get(0).asText()).startsWith("data:image/png;base64,");
        List<JsonNode> batches = events.stream().filter(e -> e.get("type").asText().equals("batch")).toList();
        assertThat(batches.getLast().get("step").asLong()).isEqualTo(40);
        assertThat(batches.getLast().get("eta_s").asDouble()).isZero();
        JsonNode ratios = events.stream().filter(e -> e.get("type").asText().equals("ratios")).findFirst().orElseThrow();
        assertThat(ratios.get("step").asLong()).isEqualTo(11);
        // Adam moves each weight by about the learning rate per step: the ratios lie far from 0 and from 1.
        ratios.get("ratios").forEach(r -> assertThat(r.asDouble()).isBetween(1e-5, 1e-1));
        assertThat(ratios.get("ratios").has("conv2d")).isTrue();
        JsonNode confusion = events.stream().filter(e -> e.get("type").asText().equals("confusion")).toList().getLast();
        long total = 0;
        for (JsonNode row : confusion.get("matrix")) for (JsonNode v : row) total += v.asLong();
        assertThat(total).isEqualTo(100);
        assertThat(confusion.get("classes").get(3).asText()).isEqualTo("three");
        JsonNode histograms = events.stream().filter(e -> e.get("type").asText().equals("histograms")).findFirst().orElseThrow();
        assertThat(histograms.get("activations").has("max_pooling2d_1")).isTrue();
        assertThat(histograms.get("gradients").has("dense.weight")).isTrue();

        // beak dashboard: the finished run's folder is served the same way.
        try (RunFollower follower = RunFollower.open(run); LiveServer server = LiveServer.start(follower.log(), 0)) {
            assertThat(follower.log().finished()).isTrue();
            assertThat(stream(server.uri(), null)).hasSize(events.size());
        }
    }

    @Test
    void aFollowerPicksUpLinesAppendedToARunningRun() throws Exception {
        Path run = dir.resolve("running");
        try (RunLog writer = RunLog.writingTo(run)) {
            writer.add(Map.of("type", "start", "model", "m"));
            try (RunFollower follower = RunFollower.open(run)) {
                assertThat(follower.log().size()).isEqualTo(1);
                assertThat(follower.log().finished()).isFalse();
                writer.add(Map.of("type", "epoch", "epoch", 1));
                writer.add(Map.of("type", "end"));
                long end = System.currentTimeMillis() + 10_000;
                while (follower.log().size() < 3 && System.currentTimeMillis() < end) follower.log().after(follower.log().size(), 1000);
                List<String> later = follower.log().after(1, 0);
                assertThat(later).hasSize(2);
                assertThat(Http.JSON.readTree(later.get(0)).get("epoch").asInt()).isEqualTo(1);
                assertThat(later.get(1)).isEqualTo("{\"type\":\"end\"}");
                assertThat(follower.log().finished()).isTrue();
            }
        }
    }

    @Test
    void aDamagedEventFileNamesTheFileAndLine() throws Exception {
        Files.writeString(dir.resolve(RunLog.FILE), "{\"type\":\"start\"}\n{\"type\": 3}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunFollower.open(dir))
                .hasMessageContaining(RunLog.FILE + ", line 2: an event is a JSON object with a \"type\"");
        Files.writeString(dir.resolve(RunLog.FILE), "{\"type\":\"start\"}\n{\"type\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunFollower.open(dir)).hasMessageContaining("line 2: an event is one line of JSON");
    }

    @Test
    void aFolderWithoutEventsIsOneClearError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunFollower.open(dir))
                .hasMessageContaining("events.jsonl").hasMessageContaining("--live");
    }
}
