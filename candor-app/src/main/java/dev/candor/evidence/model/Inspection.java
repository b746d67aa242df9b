package dev.candor.evidence.model;

/** The outcome of checking an uploaded file's bytes: accepted with what was learnt, or a rejection. */
public sealed interface Inspection permits Inspection.Accepted, Rejection {

    /**
     * An acceptable file.
     *
     * @param size the photo's dimensions from its header; {@code null} for videos and chat exports
     */
    record Accepted(FileType type, ImageSize size) implements Inspection {
    }
}
