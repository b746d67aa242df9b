package dev.candor.risk.application;

import dev.candor.risk.infrastructure.Decisions;
import dev.candor.risk.infrastructure.RiskCases;
import dev.candor.risk.model.Features;
import dev.candor.risk.model.Stage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A later decision on a case: the facts of the request as the first decision read them, with the case's
 * evidence, forensic findings and merchant flags as they are now. Features that were unavailable or late
 * for the request stay so: such a case stays with a person.
 */
@Component
class DecideAgain {

    private final Decisions decisions;
    private final RecordDecision recordDecision;

    DecideAgain(Decisions decisions, RecordDecision recordDecision) {
        this.decisions = decisions;
        this.recordDecision = recordDecision;
    }

    /** Decides again on a case locked by the caller; nothing when Candor made no decision on its request. */
    @Transactional(propagation = Propagation.MANDATORY)
    void decide(RiskCases.RiskCase c, Stage stage) {
        decisions.latest(c.caseId()).ifPresent(previous -> {
            Features before = previous.features();
            Features now = new Features(before.request(), before.restrictions(), before.history(), before.links(), before.store(),
                    c.evidence(), c.forensics(), c.flags(), before.unavailable(), before.late());
            recordDecision.record(new RecordDecision.Subject(previous.caseId(), previous.storeId(), previous.buyerId(),
                    previous.requestedCents(), previous.currency()), stage, now, previous, c.oneTimeCode());
        });
    }
}
