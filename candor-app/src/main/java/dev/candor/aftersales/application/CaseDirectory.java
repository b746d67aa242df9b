package dev.candor.aftersales.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.aftersales.CaseEvents;
import dev.candor.aftersales.infrastructure.Cases;
import dev.candor.aftersales.infrastructure.Timelines;
import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The after-sales module's answers to other modules. */
@Service
class CaseDirectory implements AfterSalesCases {

    private final Cases cases;
    private final Timelines timelines;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseDirectory(Cases cases, Timelines timelines, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.timelines = timelines;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public CaseParties partiesVisibleTo(UUID caseId, Actor actor) {
        AfterSalesCase c = cases.find(caseId).orElseThrow(() -> CandorException.notFound("case", caseId));
        CaseAccess.requireParty(actor, c);
        return new CaseParties(c.id(), c.storeId(), c.buyerId(), c.orderId(), !c.state().isFinal(), c.judgment() != null);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEvidenceAdded(UUID caseId, Actor actor, UUID evidenceId, String evidenceKind) {
        AfterSalesCase c = cases.find(caseId).orElseThrow(() -> CandorException.notFound("case", caseId));
        CaseAccess.requireParty(actor, c);
        Instant now = clock.instant();
        Map<String, Object> detail = Map.of("kind", evidenceKind);
        timelines.append(caseId, now, actor, "EVIDENCE_ADDED", null, null, "evidence filed on the case", List.of(evidenceId), detail);
        audit.append(actor, "case.evidence-added", "case", caseId.toString(), Map.of("evidenceId", evidenceId.toString(), "kind", evidenceKind));
        events.publishEvent(new CaseEvents.EvidenceAdded(UUID.randomUUID(), now, caseId, c.storeId(), c.buyerId(), evidenceId,
                evidenceKind));
    }
}
