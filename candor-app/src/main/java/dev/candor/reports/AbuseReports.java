package dev.candor.reports;

import dev.candor.integrity.ViolationType;
import java.util.List;
import java.util.UUID;

/** What other modules may ask of abuse reports. */
public interface AbuseReports {

    /**
     * Files a report from an automatic detection, in the caller's transaction, filed by Candor itself. It
     * waits in the review queue for a reviewer like a merchant's report: a detection never records an
     * entry on its own.
     *
     * @param type a buyer-side type; the subject is the case's buyer
     * @param evidenceIds evidence files of the case the detection found; may be empty
     * @return the new report's id
     */
    UUID fileDetection(UUID caseId, ViolationType type, String description, List<UUID> evidenceIds);
}
