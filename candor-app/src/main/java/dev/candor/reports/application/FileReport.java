package dev.candor.reports.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.aftersales.AfterSalesCases.CaseParties;
import dev.candor.commerce.Commerce;
import dev.candor.commerce.OrderSnapshot;
import dev.candor.integrity.IntegrityLedger;
import dev.candor.integrity.IntegrityLedger.EntryDraft;
import dev.candor.integrity.SubjectType;
import dev.candor.integrity.ViolationType;
import dev.candor.reports.AbuseReports;
import dev.candor.reports.ForensicFindings;
import dev.candor.reports.infrastructure.Reports;
import dev.candor.reports.infrastructure.ReportsProperties;
import dev.candor.reports.model.AbuseReport;
import dev.candor.reports.model.AbuseReport.Decision;
import dev.candor.reports.model.ComplainantStanding;
import dev.candor.reports.model.ReportSource;
import dev.candor.reports.model.ReportStatus;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files an abuse report. A merchant reports the buyer of its store's case or order ({@code REPORT}); a
 * reviewer who judged a case files what the judgment found ({@code JUDGMENT}), confirmed at once by that
 * reviewer with the ledger entry recorded in the same transaction; the order system and Candor's own
 * detections file {@code DETECTION} reports, which wait for a reviewer like a merchant's.
 */
@Service
public class FileReport implements AbuseReports {

    private final Reports reports;
    private final AfterSalesCases cases;
    private final Commerce commerce;
    private final CitedEvidence evidence;
    private final ObjectProvider<ForensicFindings> forensics;
    private final IntegrityLedger ledger;
    private final AuditLog audit;
    private final ReportsProperties properties;
    private final Clock clock;

    FileReport(Reports reports, AfterSalesCases cases, Commerce commerce, CitedEvidence evidence,
               ObjectProvider<ForensicFindings> forensics, IntegrityLedger ledger, AuditLog audit, ReportsProperties properties,
               Clock clock) {
        this.reports = reports;
        this.cases = cases;
        this.commerce = commerce;
        this.evidence = evidence;
        this.forensics = forensics;
        this.ledger = ledger;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param source {@code null}: the actor's own kind of report (merchant REPORT, reviewer JUDGMENT, order system DETECTION)
     * @param caseId the case the report is filed from; or {@code null} with an {@code orderId}
     * @param rule the rule a JUDGMENT report cites; ignored otherwise
     */
    public record Request(ViolationType type, ReportSource source, UUID caseId, String orderId, String description,
                          List<UUID> evidenceIds, String rule) {
        public Request {
            evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
        }
    }

    @Transactional
    public AbuseReport file(Actor actor, Request request) {
        ReportSource source = sourceOf(actor, request.source());
        Target target = target(actor, request);
        SubjectType subjectType = subjectOf(request.type(), source);
        evidence.requireOfCase(target.caseId(), request.evidenceIds());
        if (source == ReportSource.JUDGMENT) {
            if (target.caseId() == null || request.evidenceIds().isEmpty() || request.rule() == null || request.rule().isBlank()) {
                throw CandorException.invalid("a JUDGMENT report names the judged case, the forged evidence files it found and the rule it cites");
            }
            if (!target.judged()) {
                throw CandorException.conflict("case " + target.caseId() + " has no judgment: file a DETECTION report, or judge the case first");
            }
        }
        Instant now = now();
        AbuseReport report = newReport(request.type(), source, subjectType,
                subjectType == SubjectType.BUYER ? target.buyerId() : target.storeId(), target, request.description(),
                request.evidenceIds(), actor, now);
        if (source == ReportSource.JUDGMENT) {
            return fileConfirmedJudgment(actor, report, request.rule(), now);
        }
        reports.insert(report);
        audit.append(actor, "report.filed", "abuse-report", report.id().toString(), facts(report));
        return report;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID fileDetection(UUID caseId, ViolationType type, String description, List<UUID> evidenceIds) {
        return file(Actor.system(), new Request(type, ReportSource.DETECTION, caseId, null, description, evidenceIds, null)).id();
    }

    /**
     * Reports a store whose complainant tier just became MALICIOUS, for a reviewer to confirm; nothing when
     * a malicious-reporting report against the store is already pending. Runs in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void fileMaliciousReporting(String storeId, ComplainantStanding standing) {
        Instant now = now();
        String description = String.format(Locale.ROOT,
                "Complainant tier became MALICIOUS: %.0f %% of its decided reports confirmed (%d confirmed, %d rejected) in the last %d days",
                standing.accuracy().orElse(0) * 100, standing.confirmed(), standing.rejected(),
                properties.complainant().window().toDays());
        AbuseReport report = newReport(ViolationType.MALICIOUS_REPORTING, ReportSource.DETECTION, SubjectType.MERCHANT, storeId,
                new Target(storeId, null, null, null, false), description, List.of(), Actor.system(), now);
        if (reports.insert(report)) {
            audit.append(Actor.system(), "report.filed", "abuse-report", report.id().toString(), facts(report));
        }
    }

    private AbuseReport fileConfirmedJudgment(Actor reviewer, AbuseReport report, String rule, Instant now) {
        IntegrityLedger.EntryRecorded entry = ledger.record(new EntryDraft(report.subjectType(), report.subjectId(), report.storeId(),
                report.orderId(), report.caseId(), report.type(), report.source().ledgerSource(), "report:" + report.id(),
                report.evidenceIds(), rule, report.description()), reviewer);
        AbuseReport confirmed = report.decided(new Decision(ReportStatus.CONFIRMED, reviewer.id(), reviewer.kind(), now, rule,
                report.description(), report.evidenceIds(), entry.entryId()));
        if (!reports.insert(confirmed)) {
            throw CandorException.conflict("case " + report.caseId() + " already has a JUDGMENT report of type " + report.type()
                    + " against " + report.subjectId());
        }
        Map<String, Object> facts = facts(confirmed);
        audit.append(reviewer, "report.filed", "abuse-report", confirmed.id().toString(), facts);
        audit.append(reviewer, "report.confirmed", "abuse-report", confirmed.id().toString(), Map.of("rule", rule,
                "reasoning", confirmed.description(), "ledgerEntryId", entry.entryId().toString(), "points", entry.points()));
        return confirmed;
    }

    private AbuseReport newReport(ViolationType type, ReportSource source, SubjectType subjectType, String subjectId, Target target,
                                  String description, List<UUID> evidenceIds, Actor actor, Instant now) {
        ForensicFindings findings = forensics.getIfAvailable();
        List<ForensicFindings.Finding> found = findings == null || target.caseId() == null ? List.of() : findings.ofCase(target.caseId());
        return new AbuseReport(UUID.randomUUID(), type, source, ReportStatus.PENDING, subjectType, subjectId, target.storeId(),
                target.caseId(), target.orderId(), description, evidenceIds.stream().distinct().toList(), found, findings != null,
                actor.id(), actor.kind(), now, now.plus(properties.reviewTimeLimit()), null);
    }

    private static ReportSource sourceOf(Actor actor, ReportSource requested) {
        ReportSource own = switch (actor.kind()) {
            case MERCHANT -> ReportSource.REPORT;
            case ADMIN, REVIEWER -> ReportSource.JUDGMENT;
            case INTEGRATION, SYSTEM -> ReportSource.DETECTION;
            case BUYER -> throw CandorException.forbidden("buyers do not file abuse reports");
        };
        if (requested != null && requested != own) {
            throw CandorException.forbidden(actor.kind() + " files " + own + " reports, not " + requested);
        }
        return own;
    }

    private static SubjectType subjectOf(ViolationType type, ReportSource source) {
        if (type.subject() == SubjectType.BUYER) {
            return SubjectType.BUYER;
        }
        if (source == ReportSource.JUDGMENT && type == ViolationType.FORGED_EVIDENCE) {
            return SubjectType.MERCHANT;
        }
        throw CandorException.invalid(type + " is not a type " + source + " reports may have: buyer-side types"
                + (source == ReportSource.JUDGMENT ? " or FORGED_EVIDENCE (the merchant forged evidence)" : ""));
    }

    /** The store, buyer, order and case a report is about, as far as the actor may see them. */
    private record Target(String storeId, String buyerId, String orderId, UUID caseId, boolean judged) {
    }

    private Target target(Actor actor, Request request) {
        if (request.caseId() != null) {
            CaseParties parties = cases.partiesVisibleTo(request.caseId(), actor);
            if (request.orderId() != null && !request.orderId().equals(parties.orderId())) {
                throw CandorException.invalid("case " + request.caseId() + " is not about order " + request.orderId());
            }
            return new Target(parties.storeId(), parties.buyerId(), parties.orderId(), parties.caseId(), parties.judged());
        }
        if (request.orderId() == null) {
            throw CandorException.invalid("a report names the case (caseId) or the order (orderId) it is about");
        }
        OrderSnapshot order = commerce.findOrder(request.orderId()).filter(o -> actor.canSeeStore(o.storeId()))
                .orElseThrow(() -> CandorException.notFound("order", request.orderId()));
        return new Target(order.storeId(), order.buyerId(), order.id(), null, false);
    }


    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static Map<String, Object> facts(AbuseReport r) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", r.type().name());
        facts.put("source", r.source().name());
        facts.put("subjectType", r.subjectType().name());
        facts.put("subjectId", r.subjectId());
        facts.put("storeId", r.storeId());
        if (r.caseId() != null) {
            facts.put("caseId", r.caseId().toString());
        }
        if (r.orderId() != null) {
            facts.put("orderId", r.orderId());
        }
        facts.put("evidenceIds", r.evidenceIds().stream().map(UUID::toString).toList());
        facts.put("dueAt", r.dueAt().toString());
        return facts;
    }
}
