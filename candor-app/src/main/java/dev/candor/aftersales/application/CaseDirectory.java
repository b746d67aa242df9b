package dev.candor.aftersales.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.aftersales.CaseEvents;
import dev.candor.aftersales.infrastructure.Cases;
import dev.candor.aftersales.infrastructure.CategoryStandards;
import dev.candor.aftersales.infrastructure.Timelines;
import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.aftersales.model.CaseCommand;
import dev.candor.aftersales.model.Outcome;
import dev.candor.aftersales.model.Party;
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
    private final CaseChanges changes;
    private final CategoryStandards standards;
    private final Clock clock;

    CaseDirectory(Cases cases, Timelines timelines, AuditLog audit, ApplicationEventPublisher events, CaseChanges changes,
                  CategoryStandards standards, Clock clock) {
        this.cases = cases;
        this.timelines = timelines;
        this.audit = audit;
        this.events = events;
        this.changes = changes;
        this.standards = standards;
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
                evidenceKind, actor.kind()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordOnTimeline(UUID caseId, Actor actor, String action, String rule, List<UUID> evidenceIds,
                                 Map<String, Object> detail) {
        timelines.append(caseId, clock.instant(), actor, action, null, null, rule, evidenceIds, detail);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean approveAtOnce(UUID caseId) {
        AfterSalesCase c = cases.lock(caseId).orElseThrow(() -> CandorException.notFound("case", caseId));
        Instant now = clock.instant();
        Outcome outcome = c.apply(new CaseCommand.FastApprove(), Party.SYSTEM, Actor.system().id(), now,
                standards.forCategory(c.request().category()));
        if (outcome instanceof Outcome.Moved moved) {
            changes.recordMove(c, Actor.system(), moved, List.of(), now);
            return true;
        }
        return false;
    }
}
