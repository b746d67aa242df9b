package dev.candor.integrity.application;

import dev.candor.integrity.infrastructure.PenaltyPolicies;
import dev.candor.integrity.model.PenaltyPolicy;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator publishes a new penalty policy version. It prices entries recorded from now on and shapes
 * restrictions started from now on; entries and restrictions made before keep the version they were made under.
 */
@Service
public class PublishPolicy {

    private final PenaltyPolicies policies;
    private final AuditLog audit;
    private final Clock clock;

    PublishPolicy(PenaltyPolicies policies, AuditLog audit, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PenaltyPolicies.Version publish(Actor actor, PenaltyPolicy policy, String note) {
        actor.require(ActorKind.ADMIN);
        List<String> problems = policy.problems();
        if (!problems.isEmpty()) {
            throw new CandorException(ErrorCode.INVALID_REQUEST, "the policy document is not valid: " + String.join("; ", problems),
                    Map.of("problems", problems));
        }
        PenaltyPolicies.Version published = policies.publish(policy, note, actor.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        audit.append(actor, "integrity.policy-published", "integrity-policy", Integer.toString(published.version()),
                Map.of("note", note, "policy", policy));
        return published;
    }
}
