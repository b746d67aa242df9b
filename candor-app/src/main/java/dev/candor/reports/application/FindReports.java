package dev.candor.reports.application;

import dev.candor.commerce.BuyerContact;
import dev.candor.commerce.Commerce;
import dev.candor.integrity.SubjectType;
import dev.candor.reports.infrastructure.Reports;
import dev.candor.reports.model.AbuseReport;
import dev.candor.reports.model.ComplainantStanding;
import dev.candor.reports.model.ReportStatus;
import dev.candor.reports.model.ReviewQueueOrder;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads reports as the actor may see them: merchants the reports their stores filed, with the buyer's
 * details masked; reviewers and admins every report and the review queue.
 */
@Service
public class FindReports {

    private final Reports reports;
    private final AssessComplainants complainants;
    private final Commerce commerce;
    private final Clock clock;

    FindReports(Reports reports, AssessComplainants complainants, Commerce commerce, Clock clock) {
        this.reports = reports;
        this.complainants = complainants;
        this.commerce = commerce;
        this.clock = clock;
    }

    /**
     * A report with what its viewer may see.
     *
     * @param buyer the subject buyer's contact, masked for merchants; empty for a report against a store
     * @param complainant the reporting store's standing now; {@code null} for a report the platform filed
     */
    public record ReportDetails(AbuseReport report, Optional<BuyerContact> buyer, ComplainantStanding complainant, boolean overdue) {
    }

    /** A page of reports. */
    public record Page(List<ReportDetails> items, int page, int size, long total) {
    }

    @Transactional(readOnly = true)
    public ReportDetails get(Actor actor, UUID reportId) {
        requireReader(actor);
        AbuseReport report = reports.find(reportId).filter(r -> visible(actor, r))
                .orElseThrow(() -> CandorException.notFound("report", reportId));
        return details(actor, List.of(report), clock.instant()).getFirst();
    }

    /** A report the actor just filed or decided, as the actor sees it. */
    @Transactional(readOnly = true)
    public ReportDetails describe(Actor actor, AbuseReport report) {
        return details(actor, List.of(report), clock.instant()).getFirst();
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Page list(Actor actor, ReportStatus status, int page, int size) {
        requireReader(actor);
        Reports.Filter filter = new Reports.Filter(actor.kind() == ActorKind.MERCHANT ? actor.storeIds() : null, status);
        return new Page(details(actor, reports.list(filter, page, size), clock.instant()), page, size, reports.count(filter));
    }

    /**
     * Pending reports in review order ({@link ReviewQueueOrder}): overdue first, then by the reporter's
     * complainant tier, then the earliest due. Platform staff only. The tiers change with the clock, so
     * the order is computed per request over every pending report's id, due time and store (one grouped
     * query for the tiers), and only the requested page is loaded in full.
     */
    @Transactional(readOnly = true)
    public Page queue(Actor actor, int page, int size) {
        actor.require(ActorKind.ADMIN, ActorKind.REVIEWER);
        Instant now = clock.instant();
        List<Reports.Pending> pending = reports.pending();
        Map<String, ComplainantStanding> standings = complainants.standingsOf(
                pending.stream().map(Reports.Pending::complainantStoreId).filter(Objects::nonNull).toList(), now);
        List<UUID> ordered = pending.stream()
                .map(p -> new ReviewQueueOrder.Entry(p.id(), p.dueAt(),
                        p.complainantStoreId() == null ? null : standings.get(p.complainantStoreId()).tier()))
                .sorted(ReviewQueueOrder.at(now))
                .skip((long) page * size).limit(size)
                .map(ReviewQueueOrder.Entry::reportId).toList();
        return new Page(details(actor, reports.findAll(ordered), now), page, size, pending.size());
    }

    private static void requireReader(Actor actor) {
        actor.require(ActorKind.ADMIN, ActorKind.REVIEWER, ActorKind.MERCHANT);
    }

    private static boolean visible(Actor actor, AbuseReport report) {
        return actor.isPlatformStaff() || (report.filedByStore() && actor.storeIds().contains(report.storeId()));
    }

    private List<ReportDetails> details(Actor actor, List<AbuseReport> found, Instant now) {
        Map<String, ComplainantStanding> standings = complainants.standingsOf(
                found.stream().filter(AbuseReport::filedByStore).map(AbuseReport::storeId).toList(), now);
        return found.stream().map(r -> new ReportDetails(r, buyerOf(actor, r), r.filedByStore() ? standings.get(r.storeId()) : null,
                r.overdueAt(now))).toList();
    }

    private Optional<BuyerContact> buyerOf(Actor actor, AbuseReport report) {
        if (report.subjectType() != SubjectType.BUYER) {
            return Optional.empty();
        }
        return commerce.findBuyer(report.subjectId()).map(contact -> actor.isPlatformStaff() ? contact : contact.masked());
    }
}
