package dev.candor.forensics;

/**
 * The one-word outcome of a scan, chosen by the strongest finding in this order: a declaration of AI
 * generation or AI editing (the file says so itself), broken provenance, derivation from a listing photo with
 * a located edit, derivation without a located edit, nothing found. {@code UNREADABLE} when the file could not
 * be decoded and declares nothing.
 */
public enum Verdict {
    AI_GENERATED_DECLARED,
    AI_EDITED_DECLARED,
    PROVENANCE_TAMPERED,
    DERIVED_FROM_LISTING_EDITED,
    DERIVED_FROM_LISTING,
    NO_FINDINGS,
    UNREADABLE
}
