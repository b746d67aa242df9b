package dev.candor.evidence.model;

import java.util.Map;

/**
 * Why an evidence file was refused, with a detail a person can act on and facts for the client
 * (for example {@code limitBytes}, {@code detectedType}).
 */
public record Rejection(Reason reason, String detail, Map<String, Object> facts) implements Inspection, Sniffed {

    public Rejection {
        facts = Map.copyOf(facts);
    }

    public enum Reason {
        /** The bytes are of a type Candor does not take as evidence (GIF, HEIC, archives, executables...). */
        TYPE_NOT_ALLOWED,
        /** HEIC/HEIF photos: allowed types are JPEG, PNG and WebP. */
        HEIC_NOT_ALLOWED,
        /** The declared Content-Type says one type, the bytes another. */
        TYPE_MISMATCH,
        /** Over the size limit of the file's kind. */
        TOO_LARGE,
        /** A photo whose header claims more pixels than the limit (a decompression bomb, or just too big). */
        TOO_MANY_PIXELS,
        /** The bytes look like an allowed type but are truncated, corrupt or empty. */
        UNREADABLE
    }

    static Rejection of(Reason reason, String detail) {
        return new Rejection(reason, detail, Map.of());
    }
}
