package dev.candor.risk.application;

import dev.candor.commerce.Commerce;
import dev.candor.risk.infrastructure.RiskFacts;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order system reports a device or payment fingerprint (or an extra address or phone) seen with a
 * buyer; Candor keeps only its keyed hash, to link accounts that share it.
 */
@Service
public class RecordAccountSignal {

    private final Commerce commerce;
    private final RiskFacts facts;
    private final AuditLog audit;
    private final Clock clock;

    RecordAccountSignal(Commerce commerce, RiskFacts facts, AuditLog audit, Clock clock) {
        this.commerce = commerce;
        this.facts = facts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void record(Actor actor, String buyerId, RiskFacts.LinkKind kind, String value) {
        actor.require(ActorKind.INTEGRATION, ActorKind.ADMIN);
        if (commerce.findBuyer(buyerId).isEmpty()) {
            throw CandorException.notFound("buyer", buyerId);
        }
        facts.link(buyerId, kind, value, clock.instant());
        audit.append(actor, "risk.account-signal-recorded", "buyer", buyerId, Map.of("kind", kind.name()));
    }
}
