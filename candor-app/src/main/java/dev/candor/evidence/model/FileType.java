package dev.candor.evidence.model;

import java.util.Locale;
import java.util.Set;

/**
 * The file types Candor accepts as evidence, as recognized from their bytes.
 *
 * <p>{@link #accepts(String)} tells whether a client's declared {@code Content-Type} agrees with the
 * recognized type; a declaration of {@code application/octet-stream} (or none) claims nothing.
 */
public enum FileType {
    JPEG(EvidenceKind.PHOTO, "image/jpeg", "jpg", Set.of("image/jpeg", "image/jpg", "image/pjpeg")),
    PNG(EvidenceKind.PHOTO, "image/png", "png", Set.of("image/png", "image/x-png")),
    WEBP(EvidenceKind.PHOTO, "image/webp", "webp", Set.of("image/webp")),
    MP4(EvidenceKind.VIDEO, "video/mp4", "mp4", Set.of("video/mp4", "application/mp4", "video/quicktime")),
    MOV(EvidenceKind.VIDEO, "video/quicktime", "mov", Set.of("video/quicktime", "video/mp4")),
    PDF(EvidenceKind.CHAT_EXPORT, "application/pdf", "pdf", Set.of("application/pdf", "application/x-pdf")),
    JSON(EvidenceKind.CHAT_EXPORT, "application/json", "json", Set.of("application/json", "text/json", "text/plain")),
    TEXT(EvidenceKind.CHAT_EXPORT, "text/plain", "txt", Set.of("text/plain", "text/csv", "text/markdown"));

    private static final Set<String> NO_CLAIM = Set.of("", "application/octet-stream", "binary/octet-stream");

    private final EvidenceKind kind;
    private final String mediaType;
    private final String extension;
    private final Set<String> declarations;

    FileType(EvidenceKind kind, String mediaType, String extension, Set<String> declarations) {
        this.kind = kind;
        this.mediaType = mediaType;
        this.extension = extension;
        this.declarations = declarations;
    }

    public EvidenceKind kind() {
        return kind;
    }

    /** The media type recorded and served, without parameters ({@code text/plain} is served as UTF-8). */
    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The type of the copy merchants are served: photos are re-encoded (JPEG for JPEG and WebP, which
     * keeps them small and universally viewable; PNG stays lossless), other types keep theirs.
     */
    public FileType copyType() {
        return this == WEBP ? JPEG : this;
    }

    /** Whether the declared media type (parameters ignored, may be {@code null}) agrees with this type. */
    public boolean accepts(String declared) {
        if (declared == null) {
            return true;
        }
        String essence = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return NO_CLAIM.contains(essence) || declarations.contains(essence);
    }
}
