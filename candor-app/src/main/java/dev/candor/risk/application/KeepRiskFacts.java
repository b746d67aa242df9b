package dev.candor.risk.application;

import dev.candor.commerce.BuyerContactPushed;
import dev.candor.integrity.IntegrityEvents;
import dev.candor.risk.infrastructure.RiskFacts;
import dev.candor.risk.infrastructure.RiskFacts.LinkKind;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the precomputed facts current in the transaction of the change that moves them: a buyer's
 * contact details (account links) and ledger entries that judge an order abusive or are revoked.
 */
@Service
class KeepRiskFacts {

    private final RiskFacts facts;
    private final Clock clock;

    KeepRiskFacts(RiskFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(BuyerContactPushed pushed) {
        if (pushed.phone() != null) {
            facts.link(pushed.buyerId(), LinkKind.PHONE, pushed.phone(), clock.instant());
        }
        if (pushed.address() != null) {
            facts.link(pushed.buyerId(), LinkKind.ADDRESS, pushed.address(), clock.instant());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(IntegrityEvents.EntryConfirmed confirmed) {
        if (confirmed.subjectType().equals("BUYER") && confirmed.orderId() != null) {
            facts.markAbusive(confirmed.entryId(), confirmed.subjectId(), confirmed.orderId());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(IntegrityEvents.AppealDecided decided) {
        if (decided.subjectType().equals("BUYER") && decided.decision().equals("REVOKE")) {
            facts.revokeAbusive(decided.entryIds());
        }
    }
}
