package dev.candor.reports.web;

import dev.candor.commerce.BuyerContact;
import dev.candor.reports.ForensicFindings.Finding;
import dev.candor.reports.application.AssessComplainants;
import dev.candor.reports.application.FindReports;
import dev.candor.reports.model.AbuseReport;
import dev.candor.reports.model.ComplainantPolicy;
import dev.candor.reports.model.ComplainantStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of reports and complainant standings. */
final class ReportViews {

    private ReportViews() {
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }

    record Subject(String type, String id) {
    }

    record Filer(String id, String kind) {
    }

    /** {@code available} is false when the service runs without the photo forensics module. */
    record Forensics(boolean available, List<Finding> findings) {
    }

    /**
     * The reporting store's standing now. {@code weight}: how much the report counts before review (0 to 1),
     * information for the risk decision that never restricts anybody by itself.
     */
    record Complainant(String tier, Double accuracy, double weight) {
    }

    record DecisionView(String outcome, Filer decidedBy, Instant decidedAt, String rule, String reasoning, List<UUID> evidenceIds,
                        UUID ledgerEntryId) {
    }

    record ReportView(UUID id, String type, String source, String status, Subject subject, BuyerContact buyer, String storeId,
                      UUID caseId, String orderId, String description, List<UUID> evidenceIds, Forensics forensics, Filer filedBy,
                      Instant filedAt, Instant dueAt, boolean overdue, Complainant complainant, DecisionView decision) {
    }

    record Thresholds(double goodFrom, double poorBelow, double maliciousBelow, int minimumSample) {
    }

    record ComplainantView(String storeId, String tier, Double accuracy, long confirmed, long rejected, long decided, double weight,
                           Instant windowFrom, Instant windowTo, Duration window, Thresholds thresholds) {
    }

    static ReportView of(FindReports.ReportDetails details) {
        AbuseReport r = details.report();
        ComplainantStanding standing = details.complainant();
        AbuseReport.Decision d = r.decision();
        return new ReportView(r.id(), r.type().name(), r.source().name(), r.status().name(),
                new Subject(r.subjectType().name(), r.subjectId()), details.buyer().orElse(null), r.storeId(), r.caseId(), r.orderId(),
                r.description(), r.evidenceIds(), new Forensics(r.forensicsAvailable(), r.forensicFindings()),
                new Filer(r.filedById(), r.filedByKind().name()), r.filedAt(), r.dueAt(), details.overdue(),
                standing == null ? null : new Complainant(standing.tier().name(), accuracy(standing), standing.weight()),
                d == null ? null : new DecisionView(d.outcome().name(), new Filer(d.decidedById(), d.decidedByKind().name()),
                        d.decidedAt(), d.rule(), d.reasoning(), d.evidenceIds(), d.ledgerEntryId()));
    }

    static PageView<ReportView> page(FindReports.Page page) {
        return new PageView<>(page.items().stream().map(ReportViews::of).toList(), page.page(), page.size(), page.total());
    }

    static ComplainantView complainant(AssessComplainants.Assessment a) {
        ComplainantStanding s = a.standing();
        ComplainantPolicy p = a.policy();
        return new ComplainantView(a.storeId(), s.tier().name(), accuracy(s), s.confirmed(), s.rejected(), s.decided(), s.weight(),
                a.windowFrom(), a.windowTo(), p.window(), new Thresholds(p.goodFrom(), p.poorBelow(), p.maliciousBelow(), p.minimumSample()));
    }

    private static Double accuracy(ComplainantStanding standing) {
        return standing.accuracy().isPresent() ? standing.accuracy().getAsDouble() : null;
    }
}
