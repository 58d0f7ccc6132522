package dev.beak.io;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java blocks are whole programs: each is compiled as it stands (imports included) against
 * Beak's modules and run. Only sizes change, so that the suite stays fast: fewer images and epochs, and
 * files written into a temporary folder. Every replacement must find its text, so a README edit that
 * moves away from these lines fails here instead of silently testing something else.
 */
class ReadmeSnippetTest {
    @TempDir static Path dir;
    private static ClassLoader programs;

    /** Both blocks in one javac run (starting the compiler costs more than compiling). */
    @BeforeAll
    static void compileBlocks() throws Exception {
        String mnist = replaceAll(javaBlock("public class DeepMnist"),
                "EmbeddedMnist.train()", "EmbeddedMnist.train().slice(0, 512)",
                "EmbeddedMnist.test()", "EmbeddedMnist.test().slice(0, 256)",
                "FitOptions.epochs(10)", "FitOptions.epochs(1)",
                "Path.of(\"mnist.beak\")", "Path.of(" + quoted(dir.resolve("mnist.beak")) + ")");
        String residual = replaceAll(javaBlock("public class ResidualBlock"),
                "FitOptions.epochs(30)", "FitOptions.epochs(2)",
                "Path.of(\"runs/best.beak\")", "Path.of(" + quoted(dir.resolve("best.beak")) + ")",
                "Path.of(\"runs/history.csv\")", "Path.of(" + quoted(dir.resolve("history.csv")) + ")");
        programs = compile(Map.of("DeepMnist", mnist, "ResidualBlock", residual));
    }

    @Test
    void deepMnistProgramTrainsAndSaves() throws Exception {
        ClassLoader loader = programs;

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            loader.loadClass("DeepMnist").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        double accuracy = Double.parseDouble(printed.toString(StandardCharsets.UTF_8).strip());
        assertThat(accuracy).as("one epoch on 512 digits beats chance (0.1) by far").isGreaterThan(0.3).isLessThanOrEqualTo(1);
        assertThat(ModelFile.load(dir.resolve("mnist.beak")).model().inputShape()).containsExactly(1, 28, 28);
    }

    @Test
    void residualBlockProgramTrains() throws Exception {
        ClassLoader loader = programs;

        TensorDataset data = randomImages(16, 16, 32, 32, 10);
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Object net;
        try {
            net = loader.loadClass("ResidualBlock").getMethod("train", TensorDataset.class, TensorDataset.class).invoke(null, data, data);
        } finally {
            System.setOut(stdout);
        }
        assertThat(((Model) net).outputShape()).containsExactly(10);
        assertThat(Files.readAllLines(dir.resolve("history.csv"))).hasSize(3); // a header and two epochs
        assertThat(dir.resolve("best.beak")).exists();
    }

    /** The ```java block of the README that contains {@code marker}. */
    private static String javaBlock(String marker) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) if (m.group(1).contains(marker)) return m.group(1);
        throw new AssertionError("README.md has no java block containing " + marker);
    }

    private static String replaceAll(String source, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            assertThat(source).as("the README block still contains " + pairs[i]).contains(pairs[i]);
            source = source.replace(pairs[i], pairs[i + 1]);
        }
        return source;
    }

    private static String quoted(Path p) {
        return '"' + p.toString().replace("\\", "\\\\") + '"';
    }

    /** Compiles classes (name to source) with this test's class path (every Beak module) and loads them. */
    private static ClassLoader compile(Map<String, String> sources) throws Exception {
        Path src = dir.resolve("src"), classes = dir.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none"));
        for (var e : sources.entrySet()) {
            Path file = src.resolve(e.getKey() + ".java");
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertThat(rc).as("javac on the README block:%n%s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        return new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, ReadmeSnippetTest.class.getClassLoader());
    }

    private static TensorDataset randomImages(int n, int c, int h, int w, int classes) {
        SplittableRandom r = new SplittableRandom(7);
        float[] x = new float[n * c * h * w], y = new float[n];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = i % classes;
        return new TensorDataset(Tensor.of(x, n, c, h, w), Tensor.of(y, n));
    }
}
