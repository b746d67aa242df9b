package dev.candor.aftersales.application;

import dev.candor.aftersales.CaseEvents;
import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.aftersales.model.CaseState;
import dev.candor.aftersales.model.Outcome;
import dev.candor.aftersales.infrastructure.Cases;
import dev.candor.aftersales.infrastructure.Timelines;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes a case's move durable in one transaction: the case row, a timeline entry, an audit entry and
 * the outbound events, so that either all of them happen or none.
 */
@Component
class CaseChanges {

    private final Cases cases;
    private final Timelines timelines;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CaseChanges(Cases cases, Timelines timelines, AuditLog audit, ApplicationEventPublisher events) {
        this.cases = cases;
        this.timelines = timelines;
        this.audit = audit;
        this.events = events;
    }

    void recordMove(AfterSalesCase c, Actor actor, Outcome.Moved moved, List<UUID> evidenceIds, Instant now) {
        cases.update(c, now);
        CaseState to = moved.transition().to();
        String action = moved.transition().action().name();
        timelines.append(c.id(), now, actor, action, moved.before(), to, moved.transition().rule(), evidenceIds, moved.detail());
        Map<String, Object> auditDetail = new LinkedHashMap<>(moved.detail());
        auditDetail.put("from", moved.before().name());
        auditDetail.put("to", to.name());
        auditDetail.put("rule", moved.transition().rule());
        auditDetail.put("evidenceIds", evidenceIds.stream().map(UUID::toString).toList());
        audit.append(actor, "case." + action.toLowerCase(java.util.Locale.ROOT), "case", c.id().toString(), auditDetail);
        events.publishEvent(new CaseEvents.CaseStateChanged(UUID.randomUUID(), now, c.id(), c.storeId(), c.orderId(), action,
                moved.before().name(), to.name(), actor.kind().name(), moved.transition().rule()));
        if (to == CaseState.JUDGED) {
            var judgment = c.judgment();
            events.publishEvent(new CaseEvents.JudgmentIssued(UUID.randomUUID(), now, c.id(), c.storeId(), c.orderId(),
                    judgment.outcome().name(), judgment.amountCents(), judgment.rule(), judgment.reasoning()));
        }
        if (to == CaseState.REFUNDING) {
            events.publishEvent(new CaseEvents.RefundRequested(UUID.randomUUID(), now, c.id(), c.storeId(), c.orderId(),
                    c.buyerId(), c.refund().amountCents(), c.request().currency()));
        }
    }

    /** The stable error for a case's refusal; nothing has changed. */
    static CandorException refusal(AfterSalesCase c, Outcome.Refused refused, List<String> allowedActions) {
        return switch (refused.refusal()) {
            case ILLEGAL_TRANSITION -> new CandorException(ErrorCode.ILLEGAL_TRANSITION, refused.message(),
                    Map.of("state", c.state().name(), "allowedActions", allowedActions));
            case NOT_YOUR_ACTION -> new CandorException(ErrorCode.FORBIDDEN, refused.message(),
                    Map.of("state", c.state().name(), "allowedActions", allowedActions));
            case DEADLINE_PASSED -> new CandorException(ErrorCode.DEADLINE_PASSED, refused.message(),
                    Map.of("state", c.state().name()));
            case INVALID -> CandorException.invalid(refused.message());
            case COMPLAINT_WINDOW_CLOSED -> new CandorException(ErrorCode.COMPLAINT_WINDOW_CLOSED, refused.message());
        };
    }
}
