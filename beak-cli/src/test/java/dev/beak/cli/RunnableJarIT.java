package dev.beak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code java -jar beak.jar ...} as the README says, in child processes: the shaded jar that the package
 * phase wrote (maven-failsafe runs this after it, in {@code verify}) starts, relaunches itself with the
 * Vector API, prints only JSON on stdout under {@code --json}, and on an old Java says which one it is.
 */
class RunnableJarIT {
    private static final Path JAR = Path.of(System.getProperty("beak.jar", "target/beak.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final String SCALAR_HINT = "the Vector API is not enabled";

    /** One finished child process: exit code, stdout, stderr. */
    private record Run(int code, String out, String err) {}

    private static Run run(Map<String, String> env, String java, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("BEAK_NO_RELAUNCH");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("beak-jar", ".out"), err = Files.createTempFile("beak-jar", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("java -jar beak.jar " + String.join(" ", args) + " ran over 60 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Run beakJar(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the package phase writes the runnable jar").isRegularFile();
        return run(Map.of(), JAVA.toString(), args);
    }

    private static JsonNode json(Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void versionAndHelpRun() throws Exception {
        Run version = beakJar("--version");
        assertThat(version.code()).as(version.err()).isZero();
        assertThat(version.out().strip()).isEqualTo("beak 0.1.0");
        Run help = beakJar("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: beak").contains("evaluate").contains("Examples:");
    }

    @Test
    void theJarRelaunchesItselfWithTheVectorApiAndKeepsStdoutForJson() throws Exception {
        Run bench = beakJar("bench", "lenet5", "--reps", "1", "--json");
        JsonNode figures = json(bench);
        assertThat(figures.get("results").get(0).get("model").asText()).isEqualTo("lenet5");
        assertThat(figures.get("results").get(0).get("median").isNumber()).isTrue();
        assertThat(bench.err()).as("the relaunched JVM has the fast kernels").doesNotContain(SCALAR_HINT);

        JsonNode zoo = json(beakJar("zoo", "--json"));
        assertThat(zoo.toString()).contains("resnet50").contains("vgg16");
        JsonNode summary = json(beakJar("summary", "lenet5", "--json"));
        assertThat(summary.get("parameters").asLong()).isEqualTo(61_706);
    }

    @Test
    void withoutTheRelaunchItRunsOnScalarKernelsAndSaysSo() throws Exception {
        assertThat(JAR).isRegularFile();
        Run scalar = run(Map.of("BEAK_NO_RELAUNCH", "1"), JAVA.toString(), "bench", "lenet5", "--reps", "1", "--json");
        assertThat(json(scalar).get("results").get(0).get("median").isNumber()).isTrue();
        assertThat(scalar.err()).contains(SCALAR_HINT);
    }

    @Test
    void anOldJavaIsToldWhichItIsAndWhereToGetANewOne() throws Exception {
        Optional<Path> old = oldJava();
        assumeTrue(old.isPresent(), "no Java older than 21 on PATH or under /usr/lib/jvm");
        assertThat(JAR).isRegularFile();
        Run r = run(Map.of(), old.get().toString(), "--version");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("beak: needs Java 21 or newer; this is Java ").contains("https://adoptium.net/")
                .doesNotContain("UnsupportedClassVersionError");
    }

    /** A java binary of version 8 to 20 (CI has JDK 17 on PATH), if there is one. */
    private static Optional<Path> oldJava() throws IOException, InterruptedException {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) candidates.add(Path.of(dir, "java"));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().forEach(d -> candidates.add(d.resolve("bin/java")));
            }
        }
        for (Path binary : candidates) {
            if (!Files.isExecutable(binary)) continue;
            Process p = new ProcessBuilder(binary.toString(), "-version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                continue;
            }
            Matcher m = Pattern.compile("version \"(?:1\\.)?(\\d+)").matcher(text);
            if (m.find() && Integer.parseInt(m.group(1)) < 21) return Optional.of(binary);
        }
        return Optional.empty();
    }
}
