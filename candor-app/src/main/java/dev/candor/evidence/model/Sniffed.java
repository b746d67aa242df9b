package dev.candor.evidence.model;

/** What the leading bytes of a file say it is. */
public sealed interface Sniffed permits Sniffed.Recognized, Sniffed.NoSignature, Rejection {

    /** A binary type with a known signature. */
    record Recognized(FileType type) implements Sniffed {
    }

    /** No binary signature: the file can only be acceptable as UTF-8 text or JSON. */
    record NoSignature() implements Sniffed {
    }
}
