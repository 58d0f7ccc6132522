package dev.beak.examples.speech;

import dev.beak.data.Downloader;
import dev.beak.data.audio.Audio;
import dev.beak.data.audio.WavFiles;
import dev.beak.examples.MissingDataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Spoken digits "zero" to "nine" rendered by the speech synthesizer espeak-ng (Debian package
 * {@code espeak-ng}, GPL-3+): SYNTHETIC voices, not recordings of people. Each utterance takes an
 * English accent, one of espeak-ng's voice variants, a speed and a pitch; the renders are cached as WAV
 * files under the Beak cache ({@code $BEAK_CACHE} or ~/.cache/beak) and read back through the JDK.
 */
public final class SyntheticDigits {
    static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
    static final List<String> ACCENTS = List.of("en", "en-us", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-029", "en-us-nyc");
    static final List<String> VARIANTS = List.of("m1", "f1", "m2", "f2", "m3", "f3", "m4", "f4", "m5", "f5", "m6", "m7", "Alex", "Annie", "david", "linda",
            "john", "steph", "max", "belinda", "paul", "aunty", "robert", "grandma", "travis", "grandpa", "zac", "edward", "benjamin", "Andy");

    /** One rendered utterance: the digit, the voice (accent + variant) and its samples. */
    public record Utterance(int digit, String accent, String variant, Audio audio) {}

    private SyntheticDigits() {}

    /**
     * Renders every digit in every accent of {@code accents} and every variant of {@code variants}
     * (indices into {@link #VARIANTS}), each at a speed in 120..200 words a minute and a pitch in
     * 25..75 drawn from {@code seed}; renders run in a few espeak-ng processes at once.
     */
    public static List<Utterance> render(int accents, List<Integer> variants, long seed) throws Exception {
        Path espeak = Path.of("/usr/bin/espeak-ng");
        if (!Files.isExecutable(espeak)) throw new MissingDataException("missing /usr/bin/espeak-ng: install the Debian package espeak-ng (apt-get install espeak-ng)");
        Path dir = Downloader.defaultCache().resolve("espeak-digits");
        Files.createDirectories(dir);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Callable> jobs = new ArrayList<>();
        for (int a = 0; a < accents; a++) {
            for (int v : variants) {
                for (int d = 0; d < WORDS.size(); d++) {
                    int speed = 120 + rng.nextInt(81), pitch = 25 + rng.nextInt(51);
                    jobs.add(new Callable(d, ACCENTS.get(a), VARIANTS.get(v), speed, pitch, dir));
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Utterance>> futures = new ArrayList<>();
            for (Callable j : jobs) futures.add(pool.submit(j::render));
            List<Utterance> out = new ArrayList<>();
            for (Future<Utterance> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One espeak-ng run, or the cached WAV of an earlier one with the same settings. */
    private record Callable(int digit, String accent, String variant, int speed, int pitch, Path dir) {
        Utterance render() throws IOException, InterruptedException {
            Path wav = dir.resolve(accent + "+" + variant + "-s" + speed + "-p" + pitch + "-" + WORDS.get(digit) + ".wav");
            if (!Files.exists(wav)) {
                Path tmp = Files.createTempFile(dir, "render", ".wav");
                Process p = new ProcessBuilder("/usr/bin/espeak-ng", "-v", accent + "+" + variant, "-s", String.valueOf(speed), "-p", String.valueOf(pitch),
                        "-w", tmp.toString(), WORDS.get(digit)).redirectErrorStream(true).start();
                String said = new String(p.getInputStream().readAllBytes());
                if (p.waitFor() != 0) throw new IOException("espeak-ng failed for voice " + accent + "+" + variant + ": " + said.strip());
                Files.move(tmp, wav, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Utterance(digit, accent, variant, WavFiles.read(wav));
        }
    }
}
