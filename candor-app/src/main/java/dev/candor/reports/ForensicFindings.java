package dev.candor.reports;

import java.util.List;
import java.util.UUID;

/**
 * The forensic findings on a case's evidence files, attached to a report when it is filed. The forensics
 * module will implement it once the forensics library is wired into the service (#4); until then no bean
 * exists and reports are filed with {@code forensicsAvailable: false} and no findings.
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
