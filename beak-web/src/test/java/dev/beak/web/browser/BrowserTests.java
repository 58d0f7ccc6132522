package dev.beak.web.browser;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;

/** What the browser tests share: the Chromium to use (or a skip that says why) and where screenshots go. */
final class BrowserTests {
    private BrowserTests() {}

    /** The Chromium binary; skips the calling test, with the reason, where there is none. */
    static Path chromium() {
        var found = Chromium.find();
        Assumptions.assumeTrue(found.isPresent(),
                "browser test skipped: no Chromium found (install Debian's `chromium` package, or set BEAK_CHROMIUM to a Chromium binary)");
        return found.get();
    }

    /** Where screenshots go: -Dbeak.screenshots=DIR (docs/ to refresh the committed ones), else target/screenshots. */
    static Path screenshot(String name) {
        return Path.of(System.getProperty("beak.screenshots", "target/screenshots")).resolve(name);
    }
}
