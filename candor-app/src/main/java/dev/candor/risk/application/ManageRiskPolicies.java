package dev.candor.risk.application;

import dev.candor.risk.infrastructure.RiskPolicies;
import dev.candor.risk.model.RiskPolicy;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk policy versions: platform staff and the order system read them; an admin adds a candidate, replays
 * it, and publishes it. Publishing makes it live for every decision from then on; past decisions keep the
 * version they were made under.
 */
@Service
public class ManageRiskPolicies {

    private final RiskPolicies policies;
    private final AuditLog audit;
    private final Clock clock;

    ManageRiskPolicies(RiskPolicies policies, AuditLog audit, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of versions, newest first, and which one is live. */
    public record Page(List<RiskPolicies.Version> items, int live, int page, int size, long total) {
    }

    @Transactional(readOnly = true)
    public Page list(Actor actor, int page, int size) {
        actor.require(ActorKind.ADMIN, ActorKind.REVIEWER, ActorKind.INTEGRATION);
        return new Page(policies.page(page, size), policies.live().version(), page, size, policies.count());
    }

    @Transactional(readOnly = true)
    public RiskPolicies.Version get(Actor actor, int version) {
        actor.require(ActorKind.ADMIN, ActorKind.REVIEWER, ActorKind.INTEGRATION);
        return policies.version(version).orElseThrow(() -> CandorException.notFound("risk policy", version));
    }

    @Transactional
    public RiskPolicies.Version addCandidate(Actor actor, RiskPolicy policy, String note) {
        actor.require(ActorKind.ADMIN);
        RiskPolicies.Version added = policies.addCandidate(policy, note, actor.id(), clock.instant());
        audit.append(actor, "risk.policy-candidate-added", "risk-policy", Integer.toString(added.version()), Map.of("note", note));
        return added;
    }

    @Transactional
    public RiskPolicies.Version publish(Actor actor, int version) {
        actor.require(ActorKind.ADMIN);
        RiskPolicies.Version candidate = policies.version(version).orElseThrow(() -> CandorException.notFound("risk policy", version));
        int live = policies.live().version();
        if (candidate.published() || version < live) {
            throw new CandorException(ErrorCode.CONFLICT, candidate.published() ? "risk policy " + version + " is already published"
                    : "risk policy " + version + " is older than the live version " + live + "; add it again as a new candidate",
                    Map.of("version", version, "live", live));
        }
        Instant now = clock.instant();
        if (!policies.publish(version, actor.id(), now)) {
            throw new CandorException(ErrorCode.CONFLICT, "risk policy " + version + " is already published", Map.of("version", version));
        }
        audit.append(actor, "risk.policy-published", "risk-policy", Integer.toString(version), Map.of("previousLive", live));
        return policies.version(version).orElseThrow();
    }
}
