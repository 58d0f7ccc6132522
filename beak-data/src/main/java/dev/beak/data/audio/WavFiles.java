package dev.beak.data.audio;

import dev.beak.data.DataFileException;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads WAV (and AIFF, AU) files through the JDK's {@code javax.sound.sampled}: any PCM or
 * mu-law/A-law encoding the JDK converts to 16-bit signed PCM, any channel count (averaged to mono).
 * A file the JDK cannot read, or one that ends early, is a {@link DataFileException} naming it.
 */
public final class WavFiles {
    private WavFiles() {}

    public static Audio read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        }
    }

    /** Reads a whole stream; {@code name} names it in errors. */
    public static Audio read(InputStream in, String name) throws IOException {
        try (AudioInputStream raw = AudioSystem.getAudioInputStream(in)) {
            AudioFormat f = raw.getFormat();
            int channels = f.getChannels();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, channels, 2 * channels, f.getSampleRate(), false);
            if (!AudioSystem.isConversionSupported(pcm, f)) throw new DataFileException(name, "cannot convert " + f + " to 16-bit PCM");
            byte[] bytes;
            try (AudioInputStream s = AudioSystem.getAudioInputStream(pcm, raw)) {
                bytes = s.readAllBytes();
            }
            long expected = raw.getFrameLength();
            int frames = bytes.length / (2 * channels);
            if (expected != AudioSystem.NOT_SPECIFIED && frames < expected) {
                throw new DataFileException(name, "the header promises " + expected + " sample frames but the data holds " + frames + " (truncated file?)");
            }
            float[] mono = new float[frames];
            // Little-endian 16-bit samples, interleaved by channel; the channels are averaged.
            for (int t = 0, o = 0; t < frames; t++) {
                float sum = 0;
                for (int c = 0; c < channels; c++, o += 2) sum += (short) ((bytes[o] & 0xff) | (bytes[o + 1] << 8));
                mono[t] = sum / channels / 32768f;
            }
            return new Audio(mono, f.getSampleRate());
        } catch (UnsupportedAudioFileException e) {
            throw new DataFileException(name, "not an audio file the JDK can read (WAV, AIFF or AU with PCM, mu-law or A-law samples)", e);
        }
    }
}
