package dev.candor.aftersales.application;

import dev.candor.aftersales.CaseDecisions;
import dev.candor.aftersales.CaseEvents;
import dev.candor.aftersales.infrastructure.CategoryStandards;
import dev.candor.aftersales.infrastructure.Cases;
import dev.candor.aftersales.infrastructure.Timelines;
import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.aftersales.model.AfterSalesCase.Opening;
import dev.candor.aftersales.model.CaseReason;
import dev.candor.aftersales.model.CaseType;
import dev.candor.aftersales.model.CategoryStandard;
import dev.candor.aftersales.model.Outcome;
import dev.candor.commerce.Commerce;
import dev.candor.commerce.OrderSnapshot;
import dev.candor.shared.BatchedInserts;
import dev.candor.shared.Ids;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A buyer (or the order system on the buyer's behalf) files an after-sales request on an order; the order system
 * may file many at once.
 */
@Service
public class OpenCase {

    private final Commerce commerce;
    private final CategoryStandards standards;
    private final Cases cases;
    private final Timelines timelines;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CaseDecisions decisions;
    private final BatchedInserts inserts;
    private final Clock clock;

    OpenCase(Commerce commerce, CategoryStandards standards, Cases cases, Timelines timelines, AuditLog audit,
             ApplicationEventPublisher events, CaseDecisions decisions, BatchedInserts inserts, Clock clock) {
        this.commerce = commerce;
        this.standards = standards;
        this.cases = cases;
        this.timelines = timelines;
        this.audit = audit;
        this.events = events;
        this.decisions = decisions;
        this.inserts = inserts;
        this.clock = clock;
    }

    /** The request as filed. Amounts in minor units. */
    public record Request(String orderId, CaseType type, CaseReason reason, String description, long requestedCents) {
    }

    /** What became of one request of a batch, in the batch's order. */
    public sealed interface Filed {

        /** Filed: the case as it stands after its decision (which may have approved it at once). */
        record Opened(AfterSalesCase afterSalesCase, Optional<CaseDecisions.Summary> decision) implements Filed {
        }

        /** Not filed, and nothing of it was written; the others of the batch are not affected. */
        record Refused(CandorException refusal) implements Filed {
        }
    }

    /**
     * Files the order system's requests in one transaction, each exactly as {@link #open} would file it. A request
     * is refused (unknown order, outside its window, already open) before anything of it is written, so a refused
     * request leaves nothing behind and the others are filed. Any other failure rolls back the whole batch. The
     * cases are inserted in one statement and the rows each request then adds (timeline, audit, decision, ...) go
     * to the database together, one statement per table ({@link BatchedInserts}); the requests are still decided
     * one after another, each seeing the ones before it.
     */
    @Transactional
    public List<Filed> openAll(Actor actor, List<Request> requests) {
        actor.require(ActorKind.INTEGRATION);
        Map<String, OrderSnapshot> orders = commerce.findOrders(requests.stream().map(Request::orderId).distinct().toList());
        events.publishEvent(new CaseEvents.BatchFiling(clock.instant(),
                orders.values().stream().map(OrderSnapshot::buyerId).distinct().toList()));
        List<Attempt> attempts = requests.stream().map(request -> {
            try {
                return new Attempt(request, check(actor, request, Optional.ofNullable(orders.get(request.orderId()))), null);
            } catch (CandorException refused) {
                return new Attempt(request, null, refused);
            }
        }).toList();
        Set<UUID> inserted = cases.insertAll(attempts.stream().filter(a -> a.checked() != null).map(a -> a.checked().opened()).toList());
        List<Attempt> filed = inserts.collecting(() -> {
            List<Attempt> each = new ArrayList<>(attempts.size());
            for (Attempt a : attempts) {
                if (a.refusal() != null) {
                    each.add(a);
                } else if (!inserted.contains(a.caseId())) {
                    each.add(new Attempt(a.request(), null, alreadyOpen(a.checked().order())));
                } else {
                    announce(actor, a.request(), a.checked());
                    each.add(a);
                }
            }
            return each;
        });
        List<UUID> opened = filed.stream().filter(a -> a.checked() != null).map(Attempt::caseId).toList();
        Map<UUID, AfterSalesCase> current = new HashMap<>();
        cases.findAll(opened).forEach(c -> current.put(c.id(), c));
        Map<UUID, CaseDecisions.Summary> latest = decisions.latest(opened);
        return filed.stream().<Filed>map(a -> a.refusal() != null ? new Filed.Refused(a.refusal())
                : new Filed.Opened(current.get(a.caseId()), Optional.ofNullable(latest.get(a.caseId())))).toList();
    }

    /** One request of a batch: checked, or refused. */
    private record Attempt(Request request, Checked checked, CandorException refusal) {
        UUID caseId() {
            return checked.opened().id();
        }
    }

    @Transactional
    public AfterSalesCase open(Actor actor, Request request) {
        actor.require(ActorKind.BUYER, ActorKind.INTEGRATION);
        Checked checked = check(actor, request, commerce.findOrder(request.orderId()));
        if (!cases.insert(checked.opened())) {
            throw alreadyOpen(checked.order());
        }
        announce(actor, request, checked);
        return checked.opened();
    }

    /** A request that may be filed: its case, not yet written. */
    private record Checked(AfterSalesCase opened, OrderSnapshot order, CategoryStandard standard, Instant now) {
    }

    /** Checks the request against its order and the category's windows; a refusal is thrown. Writes nothing. */
    private Checked check(Actor actor, Request request, Optional<OrderSnapshot> found) {
        OrderSnapshot order = found.filter(o -> actor.kind() != ActorKind.BUYER || actor.isBuyer(o.buyerId()))
                .orElseThrow(() -> CandorException.notFound("order", request.orderId()));
        CategoryStandard standard = standards.forCategory(order.category());
        Instant now = clock.instant();
        var facts = new AfterSalesCase.OrderFacts(order.storeId(), order.id(), order.buyerId(), order.totalCents(),
                order.currency(), order.category(), order.deliveredAt());
        Opening opening = AfterSalesCase.open(Ids.timeOrdered(), facts, request.type(), request.reason(), request.description(),
                request.requestedCents(), now, standard);
        return switch (opening) {
            case Opening.NotOpened notOpened -> throw notOpened.refused().refusal() == Outcome.Refusal.COMPLAINT_WINDOW_CLOSED
                    ? new CandorException(ErrorCode.COMPLAINT_WINDOW_CLOSED, notOpened.refused().message())
                    : CandorException.invalid(notOpened.refused().message());
            case Opening.Opened o -> new Checked(o.afterSalesCase(), order, standard, now);
        };
    }

    private static CandorException alreadyOpen(OrderSnapshot order) {
        return new CandorException(ErrorCode.CASE_ALREADY_OPEN, "order " + order.id() + " already has an open after-sales request",
                Map.of("orderId", order.id()));
    }

    /** Puts the inserted case on its timeline and in the audit log, and announces it (which decides it). */
    private void announce(Actor actor, Request request, Checked checked) {
        AfterSalesCase opened = checked.opened();
        OrderSnapshot order = checked.order();
        Instant now = checked.now();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", request.type().name());
        detail.put("reason", request.reason().name());
        detail.put("requestedCents", request.requestedCents());
        detail.put("category", checked.standard().category());
        detail.put("reportedLate", opened.request().reportedLate());
        timelines.append(opened.id(), now, actor, "OPEN", null, opened.state(), "after-sales request filed", List.of(), detail);
        audit.append(actor, "case.opened", "case", opened.id().toString(), detail);
        events.publishEvent(new CaseEvents.CaseCreated(UUID.randomUUID(), now, opened.id(), opened.storeId(), opened.orderId(),
                opened.buyerId(), request.type().name(), request.reason().name(), request.reason().qualityRelated(), request.requestedCents(),
                order.currency(), order.category(), order.totalCents(), order.deliveredAt()));
    }
}
