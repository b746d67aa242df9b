package dev.candor.evidence.model;

/**
 * Size limits per kind of evidence, in bytes, and the largest photo accepted, in pixels (width × height
 * as the header states them, checked before any decoding).
 */
public record EvidenceLimits(long maxPhotoBytes, long maxVideoBytes, long maxChatExportBytes, long maxPhotoPixels) {

    public EvidenceLimits {
        if (maxPhotoBytes <= 0 || maxVideoBytes <= 0 || maxChatExportBytes <= 0 || maxPhotoPixels <= 0) {
            throw new IllegalArgumentException("evidence limits must be positive");
        }
    }

    public long maxBytes(EvidenceKind kind) {
        return switch (kind) {
            case PHOTO -> maxPhotoBytes;
            case VIDEO -> maxVideoBytes;
            case CHAT_EXPORT -> maxChatExportBytes;
        };
    }
}
