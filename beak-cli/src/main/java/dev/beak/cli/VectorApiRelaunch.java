package dev.beak.cli;

import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code java -jar beak.jar} without {@code --add-modules jdk.incubator.vector}: a jar's manifest can open
 * and export packages and enable native access, but it cannot add a module (JDK 21 to 25), and without the
 * Vector API Beak's kernels run about ten times slower. So the jar starts the same JVM again, with the same
 * JVM options plus that module, and passes the exit code on. {@code BEAK_NO_RELAUNCH=1} keeps the first JVM
 * (scalar kernels, with the one-line hint from the kernels); {@code ./beak} adds the module itself.
 */
final class VectorApiRelaunch {
    static final String MODULE = "jdk.incubator.vector";
    private static final String MARK = "beak.relaunched";

    private VectorApiRelaunch() {}

    /** The child's exit code when this JVM started one, else empty (go on in this JVM). */
    static OptionalInt ifNeeded(String[] args) throws Exception {
        if (ModuleLayer.boot().findModule(MODULE).isPresent() || System.getProperty(MARK) != null
                || System.getenv("BEAK_NO_RELAUNCH") != null || ModuleFinder.ofSystem().find(MODULE).isEmpty()) {
            return OptionalInt.empty();
        }
        Path jar = runningJar();
        if (jar == null) return OptionalInt.empty();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=" + MODULE);
        // protobuf-java (ONNX) uses sun.misc.Unsafe, which JDK 24+ warns about on every run; ./beak allows it too.
        if (Runtime.version().feature() >= 24) command.add("--sun-misc-unsafe-memory-access=allow");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-D" + MARK + "=true");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy)); // Ctrl-C stops both
        return OptionalInt.of(child.waitFor());
    }

    /** The jar this JVM was started with ({@code java -jar FILE}), or null when it runs from a class path. */
    private static Path runningJar() {
        String cp = System.getProperty("java.class.path", "");
        if (!cp.endsWith(".jar") || cp.contains(java.io.File.pathSeparator)) return null;
        String command = System.getProperty("sun.java.command", "");
        return command.startsWith(cp) ? Path.of(cp).toAbsolutePath() : null;
    }
}
