package dev.candor.forensics.origin;

/** What a file declares about its own origin, strongest last so that {@link #max} picks the strongest. */
public enum Declaration {
    NONE, AI_EDITED, AI_GENERATED;

    public Declaration max(Declaration other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
