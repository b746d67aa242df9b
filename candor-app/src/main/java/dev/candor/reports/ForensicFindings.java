package dev.candor.reports;

import java.util.List;
import java.util.UUID;

/**
 * The forensic findings on a case's evidence files, attached to a report when it is filed. The photo
 * forensics module implements it; without such a bean reports are filed with {@code forensics.available:
 * false} and no findings.
 */
public interface ForensicFindings {

    /** The findings on the case's evidence files; empty when there are none. */
    List<Finding> ofCase(UUID caseId);

    /**
     * One finding on one evidence file.
     *
     * @param strength CONCLUSIVE, STRONG, MODERATE or HINT
     */
    record Finding(UUID evidenceId, String check, String strength, String summary) {
    }
}
