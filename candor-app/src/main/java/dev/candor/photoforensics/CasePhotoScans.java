package dev.candor.photoforensics;

import dev.candor.forensics.ForensicReport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Forensic scans of a case's evidence photos. Callers check access; this answers for the platform.
 *
 * <p>Every photo the buyer's side adds to a case queues a scan of the case (the forensic stage of issue #5). When it finishes,
 * {@link ScanCompleted} is published in the worker's transaction; when it cannot finish, {@link ScanUnavailable}.
 * Both are events of this service only (not webhooks); a listener runs in the publishing transaction, and an
 * exception it throws rolls the scan's completion back, so that the scan is tried again.
 */
public interface CasePhotoScans {

    /**
     * One evidence photo and what the scan found; the report's {@code file} is the evidence id.
     *
     * @param buyerSide filed by the buyer or the order system for the buyer; only such photos are evidence for
     *     the buyer's request (the merchant's and the platform's are scanned for the reviewer to see)
     */
    record PhotoScan(UUID evidenceId, ForensicReport report, boolean buyerSide) {
    }

    /**
     * Scans the case's photos against the order's listing photos and delivery time. A photo already scanned
     * against the same listing photos and delivery time is answered from the stored report.
     */
    List<PhotoScan> scanCase(UUID caseId);

    /** The grades of a signal, strongest first (as the forensics library's {@code Strength}). */
    List<String> GRADES = List.of("CONCLUSIVE", "STRONG", "MODERATE", "HINT");

    /**
     * One graded finding about one evidence photo (docs/forensic-stage.md lists every code and its grade).
     * CONCLUSIVE and STRONG signals may drive a decision; MODERATE and HINT ones only inform a reviewer.
     *
     * @param code a stable code such as {@code DECLARED_AI_ORIGIN}, {@code DERIVED_FROM_LISTING_EDITED},
     *     {@code REUSED_FROM_OTHER_CLAIM}, {@code WEB_IMAGE}, {@code PROVENANCE_TAMPERED}
     * @param grade one of {@link #GRADES}
     * @param summaryEn what was found, in English
     * @param summaryZh what was found, in Simplified Chinese
     */
    record Signal(UUID evidenceId, String code, String grade, String summaryEn, String summaryZh) {
    }

    /**
     * The scan of a case finished: {@code signals} covers every photo of the case at the time of the scan
     * (not only the photos added since the last scan), strongest first within each photo, photos in upload
     * order. Empty when nothing was found.
     */
    record ScanCompleted(UUID eventId, Instant occurredAt, UUID caseId, List<Signal> signals) {

        public ScanCompleted {
            signals = List.copyOf(signals);
        }
    }

    /**
     * The scan of a case cannot be relied on: {@code FAILED} after its last attempt, or {@code LATE} when it
     * has not finished within {@code candor.forensics.stage-deadline} of its oldest unscanned photo (published
     * once per wait; a scan that finishes later still publishes {@link ScanCompleted}).
     */
    record ScanUnavailable(UUID eventId, Instant occurredAt, UUID caseId, String reason) {

        public static final String FAILED = "FAILED";
        public static final String LATE = "LATE";
    }
}
