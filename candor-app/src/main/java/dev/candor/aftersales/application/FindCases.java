package dev.candor.aftersales.application;

import dev.candor.aftersales.CaseDecisions;
import dev.candor.aftersales.infrastructure.CategoryStandards;
import dev.candor.aftersales.infrastructure.Cases;
import dev.candor.aftersales.infrastructure.Timelines;
import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.aftersales.model.Action;
import dev.candor.aftersales.model.CaseState;
import dev.candor.aftersales.model.CategoryStandard;
import dev.candor.aftersales.model.Lifecycle;
import dev.candor.aftersales.model.Party;
import dev.candor.commerce.BuyerContact;
import dev.candor.commerce.Commerce;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads cases as the actor may see them: merchants their stores' cases with masked buyer details,
 * buyers their own, platform staff and the order system everything.
 */
@Service
public class FindCases {

    private final Cases cases;
    private final Timelines timelines;
    private final CategoryStandards standards;
    private final Commerce commerce;
    private final CaseDecisions decisions;

    FindCases(Cases cases, Timelines timelines, CategoryStandards standards, Commerce commerce, CaseDecisions decisions) {
        this.cases = cases;
        this.timelines = timelines;
        this.standards = standards;
        this.commerce = commerce;
        this.decisions = decisions;
    }

    /** A case with everything its viewer may see. {@code buyer} is masked for merchants. */
    public record CaseDetails(AfterSalesCase afterSalesCase, Optional<BuyerContact> buyer, List<Action> allowedActions,
                              CategoryStandard standard, Optional<CaseDecisions.Summary> decision, List<Timelines.Entry> timeline) {
    }

    /** A page of cases. */
    public record Page(List<AfterSalesCase> items, int page, int size, long total) {
    }

    @Transactional(readOnly = true)
    public CaseDetails details(UUID caseId, Actor actor) {
        AfterSalesCase c = cases.find(caseId).orElseThrow(() -> CandorException.notFound("case", caseId));
        Party party = CaseAccess.requireParty(actor, c);
        Optional<BuyerContact> buyer = commerce.findBuyer(c.buyerId())
                .map(contact -> party == Party.MERCHANT ? contact.masked() : contact);
        return new CaseDetails(c, buyer, Lifecycle.available(c, party), standards.forCategory(c.request().category()),
                decisions.latest(caseId), timelines.of(caseId));
    }

    /**
     * @param storeId only this store's cases; a merchant may name only its own stores
     */
    @Transactional(readOnly = true)
    public Page list(Actor actor, String storeId, CaseState state, int page, int size) {
        Cases.Filter filter = switch (actor.kind()) {
            case MERCHANT -> {
                if (storeId != null && !actor.canSeeStore(storeId)) {
                    throw CandorException.notFound("store", storeId);
                }
                yield new Cases.Filter(storeId, actor.storeIds(), null, state);
            }
            case BUYER -> new Cases.Filter(storeId, null, actor.buyerId(), state);
            case ADMIN, REVIEWER, INTEGRATION -> new Cases.Filter(storeId, null, null, state);
            case SYSTEM -> throw CandorException.forbidden("SYSTEM does not list cases");
        };
        return new Page(cases.list(filter, page, size), page, size, cases.count(filter));
    }

    /** Escalated cases and appeals waiting for the platform, the most overdue first. Platform staff only. */
    @Transactional(readOnly = true)
    public Page reviewQueue(Actor actor, int page, int size) {
        actor.require(ActorKind.ADMIN, ActorKind.REVIEWER);
        return new Page(cases.reviewQueue(page, size), page, size, cases.reviewQueueSize());
    }
}
