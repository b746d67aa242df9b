package dev.candor.evidence.infrastructure;

import dev.candor.evidence.EvidencePhotos;
import dev.candor.evidence.model.EvidenceKind;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The case's photo originals, for the forensic checks. */
@Component
class CasePhotos implements EvidencePhotos {

    /** More photos than any case holds in practice; the upload limits keep each one bounded. */
    private static final int MAX_PHOTOS = 200;

    private final EvidenceFiles files;

    CasePhotos(EvidenceFiles files) {
        this.files = files;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Photo> photosOf(UUID caseId) {
        return files.ofCase(caseId, 0, MAX_PHOTOS).stream()
                .filter(f -> f.kind() == EvidenceKind.PHOTO)
                .map(f -> new Photo(f.id(), f.sha256(), f.type().mediaType(), f.originalFileName(), f.uploaderKind()))
                .toList();
    }
}
