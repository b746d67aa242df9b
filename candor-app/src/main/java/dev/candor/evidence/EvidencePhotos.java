package dev.candor.evidence;

import dev.candor.shared.security.ActorKind;
import java.util.List;
import java.util.UUID;

/** The original photos of a case's evidence, for the forensic checks; callers check access themselves. */
public interface EvidencePhotos {

    /** The blob store area that holds evidence originals. */
    String ORIGINALS_AREA = "evidence-originals";

    /**
     * One photo original; read its bytes with {@code BlobStore.open(ORIGINALS_AREA, sha256)}.
     *
     * @param mediaType {@code image/jpeg}, {@code image/png} or {@code image/webp}, as sniffed at upload
     * @param uploaderKind who filed it (see {@link ActorKind#speaksForBuyer()})
     */
    record Photo(UUID evidenceId, String sha256, String mediaType, String originalFileName, ActorKind uploaderKind) {
    }

    /** The case's photos in upload order (videos and chat exports are not photos). */
    List<Photo> photosOf(UUID caseId);
}
