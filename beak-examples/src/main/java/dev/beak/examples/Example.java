package dev.beak.examples;

import java.io.PrintWriter;
import java.util.List;

/** One runnable example: its name, what it shows, the Debian packages its data comes from, and a run. */
public interface Example {
    String name();

    /** One line: task, data, network. */
    String description();

    /** Debian packages that must be installed for {@link #run} (empty when none are needed). */
    List<String> packages();

    /** Where the data comes from, in a few words (package names, or "bundled with Beak"). */
    String data();

    /**
     * Trains and tests; {@code quick} runs a smaller version (under a minute on 2 cores) that must
     * still beat its baseline clearly. Progress goes to {@code log}.
     */
    ExampleResult run(boolean quick, long seed, PrintWriter log) throws Exception;
}
