package dev.candor.photoforensics;

import dev.candor.forensics.ForensicReport;
import java.util.List;
import java.util.UUID;

/** Forensic scans of a case's evidence photos. Callers check access; this answers for the platform. */
public interface CasePhotoScans {

    /** One evidence photo and what the scan found; the report's {@code file} is the evidence id. */
    record PhotoScan(UUID evidenceId, ForensicReport report) {
    }

    /** Scans every photo of the case now, against the order's listing photos and delivery time. */
    List<PhotoScan> scanCase(UUID caseId);
}
