package dev.candor.risk.application;

import dev.candor.risk.infrastructure.Decisions;
import dev.candor.risk.infrastructure.RiskPolicies;
import dev.candor.risk.model.Assessment;
import dev.candor.risk.model.Outcome;
import dev.candor.risk.model.Reason;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a policy version (a candidate, usually) over the stored features of past requests and reports what
 * would change: counts by outcome before and after, the money at stake, the cases that flip. It reads only:
 * nothing live changes, and nothing is recorded.
 */
@Service
public class ReplayPolicy {

    /** How many flipped cases a report lists (all are counted). */
    static final int LISTED_FLIPS = 200;

    private final RiskPolicies policies;
    private final Decisions decisions;
    private final RiskProperties properties;

    ReplayPolicy(RiskPolicies policies, Decisions decisions, RiskProperties properties) {
        this.policies = policies;
        this.decisions = decisions;
        this.properties = properties;
    }

    /** A case whose outcome the candidate changes; amounts in minor units. */
    public record Flip(UUID caseId, String storeId, Outcome before, Outcome after, long requestedCents, String currency,
                       int policyVersionBefore, List<String> reasonCodesAfter) {
    }

    /**
     * Money requested in the cases, by currency (minor units).
     *
     * @param approvedBefore requested in cases whose recorded outcome is APPROVE_NOW
     * @param approvedAfter requested in cases the candidate approves at once
     * @param flipped requested in the cases that flip
     */
    public record Money(long approvedBefore, long approvedAfter, long flipped) {
    }

    /** What the candidate would have changed; {@code truncated} when more cases fell in the period than one replay reads. */
    public record Report(int version, Instant from, Instant to, long cases, Map<Outcome, Long> before, Map<Outcome, Long> after,
                         Map<String, Long> transitions, Map<String, Money> money, long flipped, List<Flip> flips, boolean truncated) {
    }

    @Transactional(readOnly = true)
    public Report replay(Actor actor, int version, Instant from, Instant to) {
        actor.require(ActorKind.ADMIN, ActorKind.REVIEWER);
        if (!from.isBefore(to)) {
            throw CandorException.invalid("from must be before to");
        }
        RiskPolicies.Version candidate = policies.version(version).orElseThrow(() -> CandorException.notFound("risk policy", version));
        Map<Outcome, Long> before = counts();
        Map<Outcome, Long> after = counts();
        Map<String, Long> transitions = new TreeMap<>();
        Map<String, long[]> money = new TreeMap<>();
        List<Flip> flips = new ArrayList<>();
        long[] cases = {0, 0};
        int limit = properties.replayLimit();
        decisions.eachLatestDecision(from, to, limit + 1, d -> {
            if (cases[0] == limit) {
                cases[1] = 1;
                return;
            }
            cases[0]++;
            Assessment replayed = candidate.policy().assess(d.features());
            before.merge(d.outcome(), 1L, Long::sum);
            after.merge(replayed.outcome(), 1L, Long::sum);
            long[] m = money.computeIfAbsent(d.currency(), c -> new long[3]);
            m[0] += d.outcome() == Outcome.APPROVE_NOW ? d.requestedCents() : 0;
            m[1] += replayed.outcome() == Outcome.APPROVE_NOW ? d.requestedCents() : 0;
            if (replayed.outcome() != d.outcome()) {
                transitions.merge(d.outcome() + "->" + replayed.outcome(), 1L, Long::sum);
                m[2] += d.requestedCents();
                if (flips.size() < LISTED_FLIPS) {
                    flips.add(new Flip(d.caseId(), d.storeId(), d.outcome(), replayed.outcome(), d.requestedCents(), d.currency(),
                            d.policyVersion(), replayed.reasons().stream().map(Reason::code).map(Enum::name).toList()));
                }
            }
        });
        Map<String, Money> amounts = new TreeMap<>();
        money.forEach((currency, m) -> amounts.put(currency, new Money(m[0], m[1], m[2])));
        long flipped = transitions.values().stream().mapToLong(Long::longValue).sum();
        return new Report(version, from, to, cases[0], before, after, transitions, amounts, flipped, flips, cases[1] == 1);
    }

    private static Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
        return counts;
    }
}
