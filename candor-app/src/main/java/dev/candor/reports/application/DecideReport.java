package dev.candor.reports.application;

import dev.candor.integrity.IntegrityLedger;
import dev.candor.integrity.IntegrityLedger.EntryDraft;
import dev.candor.reports.infrastructure.Reports;
import dev.candor.reports.model.AbuseReport;
import dev.candor.reports.model.AbuseReport.Decision;
import dev.candor.reports.model.ComplainantStanding;
import dev.candor.reports.model.ComplainantTier;
import dev.candor.reports.model.ReportStatus;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer confirms or rejects a pending report, citing a rule and reasoning. The report row is locked
 * for the transaction, so a report is decided once even when two reviewers decide at the same moment; a
 * confirmation records the ledger entry (keyed {@code report:<id>}) in the same transaction. When a
 * decision turns the reporting store's complainant tier MALICIOUS, the store is reported in turn.
 */
@Service
public class DecideReport {

    private final Reports reports;
    private final IntegrityLedger ledger;
    private final AssessComplainants complainants;
    private final FileReport fileReport;
    private final CitedEvidence evidence;
    private final AuditLog audit;
    private final Clock clock;

    DecideReport(Reports reports, IntegrityLedger ledger, AssessComplainants complainants, FileReport fileReport,
                 CitedEvidence evidence, AuditLog audit, Clock clock) {
        this.reports = reports;
        this.ledger = ledger;
        this.complainants = complainants;
        this.fileReport = fileReport;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param evidenceIds evidence files of the report's case the reviewer cites besides the reporter's; may be empty */
    @Transactional
    public AbuseReport confirm(Actor actor, UUID reportId, String rule, String reasoning, List<UUID> evidenceIds) {
        return decide(actor, reportId, ReportStatus.CONFIRMED, rule, reasoning, evidenceIds);
    }

    @Transactional
    public AbuseReport reject(Actor actor, UUID reportId, String rule, String reasoning) {
        return decide(actor, reportId, ReportStatus.REJECTED, rule, reasoning, List.of());
    }

    private AbuseReport decide(Actor actor, UUID reportId, ReportStatus outcome, String rule, String reasoning, List<UUID> cited) {
        actor.require(ActorKind.ADMIN, ActorKind.REVIEWER);
        AbuseReport report = reports.lock(reportId).orElseThrow(() -> CandorException.notFound("report", reportId));
        if (!report.pending()) {
            throw new CandorException(ErrorCode.REPORT_ALREADY_DECIDED, "report " + reportId + " was already decided: " + report.status(),
                    Map.of("status", report.status().name()));
        }
        evidence.requireOfCase(report.caseId(), cited);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ComplainantStanding before = null;
        if (report.filedByStore()) {
            reports.lockComplainant(report.storeId());
            before = complainants.standingOf(report.storeId(), now);
        }
        List<UUID> evidenceIds = Stream.concat(report.evidenceIds().stream(), cited.stream()).distinct().toList();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rule", rule);
        facts.put("reasoning", reasoning);
        facts.put("evidenceIds", evidenceIds.stream().map(UUID::toString).toList());
        UUID entryId = null;
        if (outcome == ReportStatus.CONFIRMED) {
            IntegrityLedger.EntryRecorded entry = ledger.record(new EntryDraft(report.subjectType(), report.subjectId(),
                    report.storeId(), report.orderId(), report.caseId(), report.type(), report.source().ledgerSource(),
                    "report:" + report.id(), evidenceIds, rule, reasoning), actor);
            entryId = entry.entryId();
            facts.put("ledgerEntryId", entryId.toString());
            facts.put("points", entry.points());
        }
        AbuseReport decided = report.decided(new Decision(outcome, actor.id(), actor.kind(), now, rule, reasoning, evidenceIds, entryId));
        reports.recordDecision(decided);
        audit.append(actor, outcome == ReportStatus.CONFIRMED ? "report.confirmed" : "report.rejected", "abuse-report",
                reportId.toString(), facts);
        if (before != null) {
            ComplainantStanding after = complainants.standingOf(report.storeId(), now);
            if (after.tier() == ComplainantTier.MALICIOUS && before.tier() != ComplainantTier.MALICIOUS) {
                fileReport.fileMaliciousReporting(report.storeId(), after);
            }
        }
        return decided;
    }
}
