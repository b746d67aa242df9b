package dev.candor.reports.application;

import dev.candor.commerce.Commerce;
import dev.candor.reports.infrastructure.Reports;
import dev.candor.reports.model.ComplainantPolicy;
import dev.candor.reports.model.ComplainantStanding;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A store's standing as a complainant: its merchants' report accuracy over the rolling window. */
@Service
public class AssessComplainants {

    private final Reports reports;
    private final ComplainantPolicy policy;
    private final Commerce commerce;
    private final Clock clock;

    AssessComplainants(Reports reports, ComplainantPolicy policy, Commerce commerce, Clock clock) {
        this.reports = reports;
        this.policy = policy;
        this.commerce = commerce;
        this.clock = clock;
    }

    /** The standing with the window it covers. */
    public record Assessment(String storeId, ComplainantStanding standing, Instant windowFrom, Instant windowTo,
                             ComplainantPolicy policy) {
    }

    /** For the store's merchants and platform staff; anybody else is told the store does not exist. */
    @Transactional(readOnly = true)
    public Assessment assess(Actor actor, String storeId) {
        actor.require(ActorKind.ADMIN, ActorKind.REVIEWER, ActorKind.MERCHANT);
        if (!actor.canSeeStore(storeId) || !commerce.storeExists(storeId)) {
            throw CandorException.notFound("store", storeId);
        }
        Instant now = clock.instant();
        return new Assessment(storeId, standingOf(storeId, now), now.minus(policy.window()), now, policy);
    }

    ComplainantStanding standingOf(String storeId, Instant now) {
        Reports.Decided decided = reports.decidedReportsOf(storeId, now.minus(policy.window()), now);
        return policy.standing(decided.confirmed(), decided.rejected());
    }

    Map<String, ComplainantStanding> standingsOf(Collection<String> storeIds, Instant now) {
        Map<String, Reports.Decided> decided = reports.decidedReportsOf(storeIds, now.minus(policy.window()), now);
        return storeIds.stream().distinct().collect(Collectors.toMap(Function.identity(), store -> {
            Reports.Decided d = decided.getOrDefault(store, new Reports.Decided(0, 0));
            return policy.standing(d.confirmed(), d.rejected());
        }));
    }
}
