package dev.beak.cli;

import dev.beak.io.SavedModel;
import dev.beak.web.serve.ModelServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code beak serve MODEL}: the model behind an HTTP JSON API and a drawing page. */
@Command(name = "serve", description = {"Serve a model over HTTP on 127.0.0.1: POST /predict (an image, JSON {\"input\": [...]} or a NumPy .npy array; ?top=K&gradcam=true),",
        "GET /model, and at / a page to draw a digit and see the prediction and its Grad-CAM. Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "A .beak model file (or an .onnx graph).")
    String model;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens it to the network).")
    String host;

    @Option(names = "--max-body", defaultValue = "" + ModelServer.DEFAULT_MAX_BODY, description = "Largest request body in bytes (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        SavedModel saved = ModelSource.loadAny(model);
        ModelServer server;
        try {
            server = ModelServer.start(saved, new InetSocketAddress(InetAddress.getByName(host), port), maxBody);
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); choose another --port");
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        var err = spec.commandLine().getErr();
        err.println("Serving " + saved.model().name() + " at " + server.uri() + "  (POST /predict, GET /model; Ctrl-C to stop)");
        err.flush();
        stop.await();
        return 0;
    }
}
