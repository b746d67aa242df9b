package dev.candor.reports.model;

import dev.candor.integrity.SubjectType;
import dev.candor.integrity.ViolationType;
import dev.candor.reports.ForensicFindings.Finding;
import dev.candor.shared.security.ActorKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report that a buyer (or, for platform findings, a merchant) abused after-sales.
 *
 * @param subjectId the buyer id for a BUYER subject, the store id for a MERCHANT subject
 * @param storeId the store where it happened: the reporting store for a merchant's report
 * @param caseId the case it was filed from; {@code null} when filed from an order or against a store
 * @param orderId the order it concerns; {@code null} for a report against a store's reporting
 * @param evidenceIds evidence files of the case the reporter cites
 * @param forensicFindings the case's forensic findings when the report was filed
 * @param forensicsAvailable whether forensic findings could be attached at all (false when the service
 *     runs without the photo forensics module)
 * @param decision {@code null} while the report is pending
 */
public record AbuseReport(UUID id, ViolationType type, ReportSource source, ReportStatus status, SubjectType subjectType,
                          String subjectId, String storeId, UUID caseId, String orderId, String description,
                          List<UUID> evidenceIds, List<Finding> forensicFindings, boolean forensicsAvailable,
                          String filedById, ActorKind filedByKind, Instant filedAt, Instant dueAt, Decision decision) {

    public AbuseReport {
        evidenceIds = List.copyOf(evidenceIds);
        forensicFindings = List.copyOf(forensicFindings);
    }

    /**
     * A reviewer's decision, citing a rule.
     *
     * @param ledgerEntryId the ledger entry a confirmation recorded; {@code null} for a rejection
     */
    public record Decision(ReportStatus outcome, String decidedById, ActorKind decidedByKind, Instant decidedAt, String rule,
                           String reasoning, List<UUID> evidenceIds, UUID ledgerEntryId) {

        public Decision {
            evidenceIds = List.copyOf(evidenceIds);
        }
    }

    public boolean pending() {
        return status == ReportStatus.PENDING;
    }

    /** Whether the report waits for review past its due time. */
    public boolean overdueAt(Instant now) {
        return pending() && !now.isBefore(dueAt);
    }

    /** Whether the reporter is a store whose complainant standing counts (a merchant's report). */
    public boolean filedByStore() {
        return source == ReportSource.REPORT;
    }

    /** The report with the decision taken; its status becomes the decision's outcome. */
    public AbuseReport decided(Decision made) {
        if (!pending()) {
            throw new IllegalStateException("report " + id + " is already " + status);
        }
        return new AbuseReport(id, type, source, made.outcome(), subjectType, subjectId, storeId, caseId, orderId, description,
                evidenceIds, forensicFindings, forensicsAvailable, filedById, filedByKind, filedAt, dueAt, made);
    }
}
