package dev.beak.cli;

import dev.beak.dataset.Dataset;
import dev.beak.nn.train.TrainingListener;
import dev.beak.web.ValidationSamples;
import dev.beak.web.live.LivePage;
import dev.beak.web.live.LiveSettings;
import dev.beak.web.live.RunLog;
import dev.beak.web.live.RunRecorder;
import dev.beak.web.tensorboard.TensorBoardLogger;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code beak train}'s ways to watch a fit: the live page, a run folder for {@code beak dashboard}, TensorBoard logs. */
final class MonitorOptions {
    @Option(names = "--live", description = "Serve a live training page on 127.0.0.1 (see --port) while training; the run folder is kept.")
    boolean live;

    @Option(names = "--port", defaultValue = "0", description = "Port of the live page (default: a free one, printed at the start).")
    int port;

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "Folder of the run's events for `beak dashboard` (default with --live: <out without .beak>.run).")
    Path runDir;

    @Option(names = "--tensorboard", paramLabel = "DIR", description = "Write TensorBoard event files (scalars, histograms, images) into DIR.")
    Path tensorboard;

    /** What follows one fit; closing it stops the page and closes the files. */
    static final class Monitor implements AutoCloseable {
        private final List<TrainingListener> listeners = new ArrayList<>();
        private final List<AutoCloseable> open = new ArrayList<>();

        TrainingListener listener() {
            return TrainingListener.all(listeners.toArray(TrainingListener[]::new));
        }

        @Override
        public void close() throws Exception {
            for (AutoCloseable c : open.reversed()) c.close();
        }
    }

    /** The monitor of a fit writing model file {@code target}, validated on {@code test}; the page's address goes to {@code err}. */
    Monitor open(Path target, Dataset test, List<String> classes, PrintWriter err) throws IOException {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        if (port != 0 && !live) throw new IllegalArgumentException("--port is the live page's: it goes with --live");
        Monitor m = new Monitor();
        try {
            Path folder = runDir != null ? runDir : live ? defaultRunDir(target) : null;
            if (live) {
                LivePage page = LivePage.open(folder, port, LiveSettings.of(test, classes));
                m.open.add(page);
                m.listeners.add(page.listener());
                err.println("Live training page: " + page.uri() + " (events in " + folder + "; reopen with `beak dashboard " + folder + "`)");
                err.flush();
            } else if (folder != null) {
                RunLog log = RunLog.writingTo(folder);
                m.open.add(log);
                m.listeners.add(new RunRecorder(log, LiveSettings.of(test, classes)));
            }
            if (tensorboard != null) {
                TensorBoardLogger tb = TensorBoardLogger.to(tensorboard, test == null ? null : ValidationSamples.of(test, LiveSettings.SAMPLES, classes));
                m.listeners.add(tb);
                err.println("TensorBoard logs: " + tensorboard + " (tensorboard --logdir " + tensorboard + ")");
                err.flush();
            }
        } catch (IOException | RuntimeException e) {
            try {
                m.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return m;
    }

    /** {@code runs/mnist.beak} -> {@code runs/mnist.run}. */
    static Path defaultRunDir(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".run");
    }
}
