package dev.beak.data;

/** A file that could not be used, and why: {@code cats/003.jpg: truncated JPEG data}. */
public record BadEntry(String source, String problem) {
    public static BadEntry of(DataFileException e) {
        return new BadEntry(e.source(), e.problem());
    }

    public DataFileException toException() {
        return new DataFileException(source, problem);
    }

    @Override
    public String toString() {
        return source + ": " + problem;
    }
}
