package dev.beak.web.live;

import dev.beak.nn.train.TrainingListener;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The live training page of one fit: its events recorded into a run folder ({@code events.jsonl}) and
 * served on 127.0.0.1. Pass {@link #listener()} to {@code fit}; close the page after the fit (the server
 * stops; the folder stays, for {@code beak dashboard}).
 * {@snippet :
 * try (LivePage live = LivePage.open(Path.of("runs/mnist.run"), 8080, LiveSettings.of(test, classNames))) {
 *     System.err.println("watch at " + live.uri());
 *     model.fit(train, FitOptions.epochs(5).validation(test).callbacks(live.listener()));
 * }
 * }
 */
public final class LivePage implements AutoCloseable {
    private final RunLog log;
    private final LiveServer server;
    private final RunRecorder recorder;

    private LivePage(RunLog log, LiveServer server, RunRecorder recorder) {
        this.log = log;
        this.server = server;
        this.recorder = recorder;
    }

    /** Records into {@code runFolder} and serves on {@code port} (0: a free one). */
    public static LivePage open(Path runFolder, int port, LiveSettings settings) throws IOException {
        RunLog log = RunLog.writingTo(runFolder);
        try {
            return new LivePage(log, LiveServer.start(log, port), new RunRecorder(log, settings));
        } catch (IOException e) {
            log.close();
            throw new IOException("cannot serve the live page on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public TrainingListener listener() {
        return recorder;
    }

    public URI uri() {
        return server.uri();
    }

    public RunLog log() {
        return log;
    }

    /** Stops the server and closes the event file. */
    @Override
    public void close() throws IOException {
        server.close();
        log.close();
    }
}
