package dev.candor.reports.application;

import dev.candor.aftersales.EvidenceCatalog;
import dev.candor.shared.error.CandorException;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Reports and decisions cite only evidence files of the report's own case. */
@Component
class CitedEvidence {

    private final ObjectProvider<EvidenceCatalog> catalog;

    CitedEvidence(ObjectProvider<EvidenceCatalog> catalog) {
        this.catalog = catalog;
    }

    /** @param caseId the report's case; {@code null} when it has none, and then nothing may be cited */
    void requireOfCase(UUID caseId, List<UUID> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return;
        }
        EvidenceCatalog files = catalog.getIfAvailable();
        if (caseId == null || files == null || !files.allAttachedTo(caseId, evidenceIds)) {
            throw CandorException.invalid("every cited evidence id must name an evidence file of the report's case");
        }
    }
}
