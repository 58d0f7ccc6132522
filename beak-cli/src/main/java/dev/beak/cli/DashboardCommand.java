package dev.beak.cli;

import dev.beak.web.live.LiveServer;
import dev.beak.web.live.RunFollower;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code beak dashboard RUN_DIR}: the live page of a finished or running fit, from its run folder's events. */
@Command(name = "dashboard", description = "Reopen the live training page of a run folder (finished or still running) on 127.0.0.1; Ctrl-C stops it.")
final class DashboardCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by `beak train --live` or `--run-dir`.")
    Path runDir;

    @Option(names = "--port", defaultValue = "0", description = "Port (default: a free one, printed).")
    int port;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        RunFollower follower = RunFollower.open(runDir);
        LiveServer server = LiveServer.start(follower.log(), port);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        var err = spec.commandLine().getErr();
        err.println("Dashboard of " + runDir + (follower.log().finished() ? " (finished run)" : " (following the running fit)") + ": " + server.uri()
                + "  (Ctrl-C to stop)");
        err.flush();
        stop.await();
        return 0;
    }
}
