package dev.candor.integrity.application;

import dev.candor.integrity.IntegrityEvents.RestrictionLifted;
import dev.candor.integrity.IntegrityEvents.RestrictionStarted;
import dev.candor.integrity.SubjectType;
import dev.candor.integrity.infrastructure.Entries;
import dev.candor.integrity.infrastructure.PenaltyPolicies;
import dev.candor.integrity.infrastructure.Restrictions;
import dev.candor.integrity.model.CountingEntry;
import dev.candor.integrity.model.Entry;
import dev.candor.integrity.model.EntryStatus;
import dev.candor.integrity.model.Restriction;
import dev.candor.integrity.model.RestrictionDerivation;
import dev.candor.integrity.model.RestrictionDerivation.Derived;
import dev.candor.integrity.model.RestrictionDerivation.Lift;
import dev.candor.integrity.model.Subject;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.security.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings one subject's record in line with its points: marks entries past their expiry EXPIRED, then lifts
 * and starts restrictions as {@link RestrictionDerivation} says, with an audit entry and an outbound event
 * for each. Runs in the transaction of the change that called it, under the subject's lock; running it
 * again changes nothing, so the sweep may run it on several nodes.
 */
@Component
class ApplyRestrictions {

    private final Entries entries;
    private final Restrictions restrictions;
    private final PenaltyPolicies policies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ApplyRestrictions(Entries entries, Restrictions restrictions, PenaltyPolicies policies, AuditLog audit,
                      ApplicationEventPublisher events) {
        this.entries = entries;
        this.restrictions = restrictions;
        this.policies = policies;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void apply(Subject subject, Actor cause, Instant now) {
        for (Entry expired : entries.lock(entries.expiredUnmarked(subject.type(), subject.id(), now))) {
            entries.changeStatus(expired.id(), expired.status(), EntryStatus.EXPIRED, cause, "points decayed", null, now);
            audit.append(cause, "integrity.entry-expired", "integrity-entry", expired.id().toString(),
                    Map.of("from", expired.status().name(), "expiresAt", expired.expiresAt().toString()));
        }
        List<CountingEntry> counting = entries.counting(subject.type(), subject.id());
        PenaltyPolicies.Version current = policies.current();
        List<Derived> desired = RestrictionDerivation.derive(subject.type(), current.policy(), counting, now);
        Map<UUID, Restriction> unlifted = restrictions.unlifted(subject).stream()
                .collect(Collectors.toMap(Restriction::id, Function.identity()));
        RestrictionDerivation.Plan plan = RestrictionDerivation.reconcile(
                unlifted.values().stream().map(Restriction::asInForce).toList(), desired, counting, now);
        for (Lift lift : plan.lifts()) {
            Restriction r = unlifted.get(lift.restrictionId());
            restrictions.lift(r.id(), now, lift.reason().name());
            audit.append(cause, "integrity.restriction-lifted", "integrity-restriction", r.id().toString(),
                    Map.of("subject", subject.type() + ":" + subject.id(), "kind", r.kind().name(), "reason", lift.reason().name()));
            events.publishEvent(new RestrictionLifted(UUID.randomUUID(), now, r.id(), subject.type().name(), subject.id(),
                    eventStore(subject, r.storeId()), r.kind().name(), lift.reason().name()));
        }
        for (Derived d : plan.starts()) {
            Restriction r = new Restriction(UUID.randomUUID(), subject.type(), subject.id(), d.kind(), d.storeId(), d.startsAt(),
                    d.endsAt(), d.points(), d.threshold(), current.version(), d.entryIds(), now, null, null);
            restrictions.insert(r);
            audit.append(cause, "integrity.restriction-started", "integrity-restriction", r.id().toString(),
                    Map.of("subject", subject.type() + ":" + subject.id(), "kind", r.kind().name(),
                            "storeId", String.valueOf(r.storeId()), "endsAt", r.endsAt().toString(), "points", r.points(),
                            "threshold", r.threshold(), "policyVersion", r.policyVersion(), "entryIds", r.entryIds()));
            events.publishEvent(new RestrictionStarted(UUID.randomUUID(), now, r.id(), subject.type().name(), subject.id(),
                    eventStore(subject, r.storeId()), r.kind().name(), r.startsAt(), r.endsAt(), r.policyVersion(), r.entryIds()));
        }
    }

    private static String eventStore(Subject subject, String restrictionStore) {
        return subject.type() == SubjectType.MERCHANT ? subject.id() : restrictionStore;
    }
}
