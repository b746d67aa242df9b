package dev.candor.aftersales.web;

import dev.candor.aftersales.CaseDecisions;
import dev.candor.aftersales.application.FindCases;
import dev.candor.aftersales.infrastructure.Timelines;
import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.aftersales.model.CategoryStandard;
import dev.candor.aftersales.model.Judgment;
import dev.candor.commerce.BuyerContact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of cases. Amounts are in minor units (fen for CNY). */
final class CaseResponses {

    private CaseResponses() {
    }

    record DeadlineView(String limit, Instant dueAt, String onExpiry, boolean overdue) {
    }

    record CaseSummary(UUID id, String storeId, String orderId, String type, String reason, long requestedCents,
                       String currency, String category, String state, Instant createdAt, DeadlineView deadline) {
    }

    record StandardView(String category, Map<String, Duration> timeLimits, Duration complaintWindow,
                        Duration qualityReportWindow, List<CategoryStandard.NonQualityScenario> nonQualityScenarios) {
    }

    record TimelineView(Instant at, String actorKind, String actorId, String action, String from, String to, String rule,
                        List<UUID> evidenceIds, Map<String, Object> detail) {
    }

    record CaseView(UUID id, String storeId, String orderId, String buyerId, BuyerContact buyer, String type, String reason,
                    String description, long requestedCents, String currency, String category, boolean reportedLate,
                    String state, Instant createdAt, Instant stateSince, DeadlineView deadline, Long offerCents,
                    String refusalReason, AfterSalesCase.ReturnShipment returnShipment, AfterSalesCase.Inspection inspection,
                    Judgment judgment, AfterSalesCase.Appeal appeal, AfterSalesCase.Refund refund, List<String> allowedActions,
                    StandardView standard, CaseDecisions.Summary decision, List<TimelineView> timeline) {
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }

    static CaseSummary summary(AfterSalesCase c, Instant now) {
        var r = c.request();
        return new CaseSummary(c.id(), c.storeId(), c.orderId(), r.type().name(), r.reason().name(), r.requestedCents(),
                r.currency(), r.category(), c.state().name(), c.createdAt(), deadline(c, now));
    }

    static CaseView view(FindCases.CaseDetails details, Instant now) {
        AfterSalesCase c = details.afterSalesCase();
        var r = c.request();
        CategoryStandard s = details.standard();
        var standard = new StandardView(s.category(), s.timeLimits().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new)),
                s.complaintWindow(), s.qualityReportWindow().orElse(null), s.nonQualityScenarios());
        return new CaseView(c.id(), c.storeId(), c.orderId(), c.buyerId(), details.buyer().orElse(null), r.type().name(),
                r.reason().name(), r.description(), r.requestedCents(), r.currency(), r.category(), r.reportedLate(),
                c.state().name(), c.createdAt(), c.stateSince(), deadline(c, now), c.offerCents(), c.refusalReason(),
                c.returnShipment(), c.inspection(), c.judgment(), c.appeal(), c.refund(),
                details.allowedActions().stream().map(Enum::name).toList(), standard,
                details.decision().orElse(null), details.timeline().stream().map(CaseResponses::timeline).toList());
    }

    private static TimelineView timeline(Timelines.Entry e) {
        return new TimelineView(e.at(), e.actorKind(), e.actorId(), e.action(), e.from() == null ? null : e.from().name(),
                e.to() == null ? null : e.to().name(), e.rule(), e.evidenceIds(), e.detail());
    }

    private static DeadlineView deadline(AfterSalesCase c, Instant now) {
        var d = c.deadline();
        return d == null ? null : new DeadlineView(d.limit().name(), d.dueAt(), d.onExpiry() == null ? null : d.onExpiry().name(),
                !now.isBefore(d.dueAt()));
    }
}
