package dev.candor.evidence.infrastructure;

import dev.candor.aftersales.EvidenceCatalog;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the after-sales module whether cited evidence belongs to the case. */
@Component
class CaseEvidenceCatalog implements EvidenceCatalog {

    private final EvidenceFiles files;

    CaseEvidenceCatalog(EvidenceFiles files) {
        this.files = files;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean allAttachedTo(UUID caseId, Collection<UUID> evidenceIds) {
        long distinct = evidenceIds.stream().distinct().count();
        return distinct == 0 || files.countInCase(caseId, evidenceIds) == distinct;
    }
}
