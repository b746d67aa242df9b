package dev.candor.evidence.model;

import dev.candor.shared.security.ActorKind;
import java.time.Instant;
import java.util.UUID;

/**
 * An evidence file attached to a case, as recorded at upload.
 *
 * @param sizeBytes the original's size
 * @param sha256 lower-case hexadecimal SHA-256 of the original, also its address in the blob store
 * @param size a photo's dimensions; {@code null} for videos and chat exports
 * @param originalFileName the name the client sent, without any path; may be {@code null}
 * @param copySha256 the copy without metadata that merchants are served
 */
public record EvidenceFile(UUID id, UUID caseId, String uploaderId, ActorKind uploaderKind, FileType type, long sizeBytes,
                           String sha256, ImageSize size, String originalFileName, String description, Instant uploadedAt,
                           FileType copyType, String copySha256, long copySizeBytes) {

    public EvidenceKind kind() {
        return type.kind();
    }

    /** The name to download the original under. */
    public String originalDownloadName() {
        return originalFileName != null ? originalFileName : "evidence-" + id + "." + type.extension();
    }

    /** The name to download the copy under: the original's base name with the copy's extension. */
    public String copyDownloadName() {
        String name = originalDownloadName();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "." + copyType.extension();
    }
}
