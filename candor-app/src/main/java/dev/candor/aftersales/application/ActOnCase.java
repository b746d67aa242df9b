package dev.candor.aftersales.application;

import dev.candor.aftersales.EvidenceCatalog;
import dev.candor.aftersales.infrastructure.CategoryStandards;
import dev.candor.aftersales.infrastructure.Cases;
import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.aftersales.model.CaseCommand;
import dev.candor.aftersales.model.Lifecycle;
import dev.candor.aftersales.model.Outcome;
import dev.candor.aftersales.model.Party;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A party acts on a case: the merchant answers, the buyer escalates or ships the return, the platform
 * judges, the order system confirms the refund. The case row is locked for the transaction, so two
 * actions on one case never interleave, on one node or many.
 */
@Service
public class ActOnCase {

    private final Cases cases;
    private final CategoryStandards standards;
    private final CaseChanges changes;
    private final ObjectProvider<EvidenceCatalog> evidence;
    private final Clock clock;

    ActOnCase(Cases cases, CategoryStandards standards, CaseChanges changes, ObjectProvider<EvidenceCatalog> evidence, Clock clock) {
        this.cases = cases;
        this.standards = standards;
        this.changes = changes;
        this.evidence = evidence;
        this.clock = clock;
    }

    /**
     * @param evidenceIds evidence files of this case the actor cites for the action; may be empty
     */
    @Transactional
    public AfterSalesCase act(UUID caseId, Actor actor, CaseCommand command, List<UUID> evidenceIds) {
        AfterSalesCase c = cases.lock(caseId).orElseThrow(() -> CandorException.notFound("case", caseId));
        Party party = CaseAccess.requireParty(actor, c);
        if (!evidenceIds.isEmpty()) {
            EvidenceCatalog catalog = evidence.getIfAvailable();
            if (catalog == null || !catalog.allAttachedTo(caseId, evidenceIds)) {
                throw CandorException.invalid("every cited evidence id must name an evidence file of this case");
            }
        }
        Instant now = clock.instant();
        Outcome outcome = c.apply(command, party, actor.id(), now, standards.forCategory(c.request().category()));
        return switch (outcome) {
            case Outcome.Refused refused -> throw CaseChanges.refusal(c, refused,
                    Lifecycle.available(c, party).stream().map(Enum::name).toList());
            case Outcome.Moved moved -> {
                changes.recordMove(c, actor, moved, evidenceIds, now);
                yield c;
            }
        };
    }
}
