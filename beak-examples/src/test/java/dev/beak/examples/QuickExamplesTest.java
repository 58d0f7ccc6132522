package dev.beak.examples;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example's {@code --quick} run learns: its test accuracy beats its baseline by at least 3
 * accuracy points and makes at most three quarters of the baseline's errors. An example whose data is
 * not installed is skipped with the reason (the package to install); .ci/run installs them.
 * The runs take minutes, so they carry the tag {@code quick-examples}, which {@code mvn verify} leaves
 * out; .ci/run runs them as a step of their own ({@code -Dexamples.excluded=none}).
 */
class QuickExamplesTest {
    static Stream<Example> examples() {
        return Examples.all().stream();
    }

    @org.junit.jupiter.api.Tag("quick-examples")
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void quickRunBeatsItsBaseline(Example example) throws Exception {
        StringWriter log = new StringWriter();
        ExampleResult r;
        try {
            r = example.run(true, 1, new PrintWriter(log));
        } catch (MissingDataException missing) {
            Assumptions.abort("example " + example.name() + " skipped: " + missing.getMessage());
            return;
        }
        assertThat(r.accuracy()).as("%s: accuracy %.4f against baseline (%s) %.4f%n%s", example.name(), r.accuracy(), r.baselineName(), r.baseline(), log)
                .isGreaterThanOrEqualTo(r.baseline() + 0.03)
                .isGreaterThanOrEqualTo(1 - 0.75 * (1 - r.baseline()));
    }

    /** CI installs every Debian package an example needs. */
    @Test
    void ciInstallsEveryPackageTheExamplesNeed() throws Exception {
        Path ci = Path.of("..", ".ci", "run");
        Assumptions.assumeTrue(Files.exists(ci), "no .ci/run beside the module");
        String script = Files.readString(ci);
        examples().flatMap(e -> e.packages().stream()).forEach(p -> assertThat(script).as(".ci/run installs %s", p).containsPattern("[( ]" + p + "[ )]"));
    }
}
