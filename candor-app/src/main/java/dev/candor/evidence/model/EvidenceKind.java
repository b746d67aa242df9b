package dev.candor.evidence.model;

/** What an evidence file is to the case. */
public enum EvidenceKind {
    PHOTO,
    VIDEO,
    CHAT_EXPORT
}
