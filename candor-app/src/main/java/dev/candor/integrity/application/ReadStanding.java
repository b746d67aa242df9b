package dev.candor.integrity.application;

import dev.candor.integrity.application.IntegrityViews.ActionView;
import dev.candor.integrity.application.IntegrityViews.AppealRoute;
import dev.candor.integrity.application.IntegrityViews.EntryView;
import dev.candor.integrity.application.IntegrityViews.RestrictionView;
import dev.candor.integrity.application.IntegrityViews.Standing;
import dev.candor.integrity.infrastructure.Entries;
import dev.candor.integrity.infrastructure.PenaltyPolicies;
import dev.candor.integrity.infrastructure.Restrictions;
import dev.candor.integrity.model.Entry;
import dev.candor.integrity.model.EntryStatus;
import dev.candor.integrity.model.Reasons;
import dev.candor.integrity.model.Restriction;
import dev.candor.integrity.model.StandingAction;
import dev.candor.integrity.model.StandingAction.Permission;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * "What may this buyer do at this store now, and why." On the decision path, so it is one indexed read of
 * the buyer's restrictions in force (and one of the entries behind them when there are any), with no cache:
 * a revocation lifts its restrictions in the revoking transaction, so the next read cannot see them, and a
 * restriction's stored end already accounts for decay, so expiry needs no sweep to show here.
 */
@Service
public class ReadStanding {

    private final Restrictions restrictions;
    private final Entries entries;
    private final PenaltyPolicies policies;
    private final Clock clock;

    ReadStanding(Restrictions restrictions, Entries entries, PenaltyPolicies policies, Clock clock) {
        this.restrictions = restrictions;
        this.entries = entries;
        this.policies = policies;
        this.clock = clock;
    }

    public Standing standing(Actor actor, String buyerId, String storeId) {
        boolean masked = switch (actor.kind()) {
            case ADMIN, REVIEWER, INTEGRATION -> false;
            case BUYER -> {
                if (!actor.isBuyer(buyerId)) {
                    throw CandorException.notFound("buyer", buyerId);
                }
                yield false;
            }
            case MERCHANT -> {
                if (!actor.storeIds().contains(storeId)) {
                    throw CandorException.notFound("store", storeId);
                }
                yield true;
            }
            case SYSTEM -> throw CandorException.forbidden("the standing query is for authenticated principals");
        };
        Instant now = clock.instant();
        List<Restriction> inForce = restrictions.inForceAt(buyerId, storeId, now);
        List<ActionView> actions = Arrays.stream(StandingAction.values()).map(action -> {
            List<Restriction> touching = inForce.stream().filter(r -> r.kind().effectOn(action) != Permission.ALLOWED).toList();
            Permission permission = touching.stream().map(r -> r.kind().effectOn(action)).max(Comparator.naturalOrder())
                    .orElse(Permission.ALLOWED);
            return new ActionView(action, permission, masked ? null : touching.stream().map(Restriction::id).toList());
        }).toList();
        List<RestrictionView> views = masked
                ? inForce.stream().map(r -> new RestrictionView(null, r.kind(), null, null, r.endsAt(), null, null, null, null, null,
                        null, null, null)).toList()
                : explain(inForce, now);
        return new Standing(buyerId, storeId, now, masked, actions, views);
    }

    /** Full views of restrictions: reasons, entries and the appeal route. */
    List<RestrictionView> explain(List<Restriction> list, Instant now) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<UUID, Entry> behind = entries.findAll(list.stream().flatMap(r -> r.entryIds().stream()).distinct().toList()).stream()
                .collect(Collectors.toMap(Entry::id, Function.identity()));
        List<RestrictionView> views = new ArrayList<>();
        for (Restriction r : list) {
            List<EntryView> entryViews = r.entryIds().stream().map(behind::get).filter(Objects::nonNull)
                    .map(e -> entryView(e, now)).toList();
            Instant deadline = entryViews.stream().map(EntryView::appealDeadline).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            var reviewLimit = policies.version(r.policyVersion()).orElseThrow().policy().reviewLimit().duration();
            AppealRoute route = new AppealRoute(deadline, "POST", "/api/v1/integrity/appeals",
                    Map.of("restrictionId", r.id(), "reason", "..."), Reasons.howToAppeal(r.id(), deadline, reviewLimit));
            views.add(new RestrictionView(r.id(), r.kind(), r.storeId(), r.startsAt(), r.endsAt(), r.points(), r.threshold(),
                    r.policyVersion(), Reasons.why(r), route, entryViews, r.liftedAt(), r.liftReason()));
        }
        return views;
    }

    /** An entry as its subject sees it; {@code appealDeadline} only while it may still be appealed. */
    EntryView entryView(Entry e, Instant now) {
        Instant deadline = e.effectiveAt().plus(policies.version(e.policyVersion()).orElseThrow().policy().appealWindow().duration());
        boolean appealable = e.status() == EntryStatus.ACTIVE && !now.isAfter(deadline);
        return new EntryView(e.id(), e.subjectType(), e.subjectId(), e.storeId(), e.orderId(), e.caseId(), e.type(), e.points(),
                e.policyVersion(), e.source(), e.rule(), e.reasoning(), e.evidenceIds(), e.effectiveAt(), e.expiresAt(), e.status(),
                e.statusSince(), appealable ? deadline : null);
    }
}
