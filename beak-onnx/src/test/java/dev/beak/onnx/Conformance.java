package dev.beak.onnx;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finds the ONNX conformance data ({@code ../shared/conformance} beside the repository root). */
final class Conformance {
    private Conformance() {}

    /** The folder of one test, or a JUnit assumption failure (the test reports itself skipped) when the data is absent. */
    static Path test(String suite, String name) {
        for (Path root : new Path[] {Path.of("..", "..", "shared", "conformance"), Path.of("..", "shared", "conformance")}) {
            Path dir = root.resolve(suite).resolve(name);
            if (Files.isDirectory(dir)) return dir;
        }
        assumeTrue(false, "ONNX conformance data (../shared/conformance) is not here");
        return null;
    }
}
