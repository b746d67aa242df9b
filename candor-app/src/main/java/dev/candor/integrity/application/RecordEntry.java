package dev.candor.integrity.application;

import dev.candor.integrity.IntegrityEvents.EntryConfirmed;
import dev.candor.integrity.IntegrityLedger.EntryDraft;
import dev.candor.integrity.IntegrityLedger.EntryRecorded;
import dev.candor.integrity.SubjectType;
import dev.candor.integrity.infrastructure.Entries;
import dev.candor.integrity.infrastructure.PenaltyPolicies;
import dev.candor.integrity.infrastructure.SubjectLocks;
import dev.candor.integrity.model.Entry;
import dev.candor.integrity.model.EntryStatus;
import dev.candor.integrity.model.Subject;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a person's confirmation as a ledger entry, priced by the policy version current now, and applies
 * what it switches on in the same transaction. The subject's lock is taken before the insert, so two
 * confirmations with one source key, on one node or many, record one entry: the second finds the first.
 */
@Service
public class RecordEntry {

    private final Entries entries;
    private final PenaltyPolicies policies;
    private final SubjectLocks locks;
    private final ApplyRestrictions restrictions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordEntry(Entries entries, PenaltyPolicies policies, SubjectLocks locks, ApplyRestrictions restrictions, AuditLog audit,
                ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.policies = policies;
        this.locks = locks;
        this.restrictions = restrictions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public EntryRecorded record(EntryDraft draft, Actor confirmedBy) {
        if (!confirmedBy.isPlatformStaff()) {
            throw CandorException.forbidden("only a reviewer or an administrator confirms ledger entries");
        }
        check(draft);
        Subject subject = new Subject(draft.subjectType(), draft.subjectId());
        locks.lock(subject);
        Optional<EntryRecorded> before = duplicate(draft);
        if (before.isPresent()) {
            return before.get();
        }
        PenaltyPolicies.Version policy = policies.current();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Entry entry = new Entry(UUID.randomUUID(), draft.subjectType(), draft.subjectId(), draft.storeId(), draft.orderId(),
                draft.caseId(), draft.type(), policy.policy().pointsFor(draft.type()), policy.version(), draft.source(),
                draft.sourceKey(), draft.evidenceIds(), draft.rule(), draft.reasoning(), confirmedBy.id(), now,
                now.plus(policy.policy().decay().duration()), EntryStatus.ACTIVE, now);
        if (entries.insertUnlessRecorded(entry).isEmpty()) {
            return duplicate(draft).orElseThrow();
        }
        entries.changeStatus(entry.id(), null, EntryStatus.ACTIVE, confirmedBy, "confirmed", null, now);
        Map<String, Object> detail = new TreeMap<>(Map.of("subject", subject.type() + ":" + subject.id(), "storeId", entry.storeId(),
                "type", entry.type().name(), "points", entry.points(), "policyVersion", entry.policyVersion(),
                "source", entry.source().name(), "sourceKey", entry.sourceKey(), "rule", entry.rule(),
                "evidenceIds", entry.evidenceIds(), "expiresAt", entry.expiresAt().toString()));
        if (entry.orderId() != null) {
            detail.put("orderId", entry.orderId());
        }
        audit.append(confirmedBy, "integrity.entry-recorded", "integrity-entry", entry.id().toString(), detail);
        events.publishEvent(new EntryConfirmed(UUID.randomUUID(), now, entry.id(), subject.type().name(), subject.id(),
                entry.storeId(), entry.orderId(), entry.type().name(), entry.points(), entry.policyVersion(), entry.rule(),
                entry.expiresAt()));
        restrictions.apply(subject, confirmedBy, now);
        return new EntryRecorded(entry.id(), false, entry.points(), entry.policyVersion());
    }

    private Optional<EntryRecorded> duplicate(EntryDraft draft) {
        return entries.bySourceKey(draft.sourceKey()).map(existing -> {
            if (existing.subjectType() != draft.subjectType() || !existing.subjectId().equals(draft.subjectId())
                    || existing.type() != draft.type()) {
                throw CandorException.conflict("source key " + draft.sourceKey() + " was recorded for another subject or type");
            }
            return new EntryRecorded(existing.id(), true, existing.points(), existing.policyVersion());
        });
    }

    private static void check(EntryDraft d) {
        if (d.subjectType() == null || d.type() == null || d.source() == null) {
            throw CandorException.invalid("subject type, violation type and source are required");
        }
        if (d.type().subject() != d.subjectType()) {
            throw CandorException.invalid(d.type() + " is a " + d.type().subject() + " violation, not a " + d.subjectType() + " one");
        }
        requireText("subjectId", d.subjectId(), 128);
        requireText("storeId", d.storeId(), 128);
        requireText("sourceKey", d.sourceKey(), 200);
        requireText("rule", d.rule(), 500);
        if (d.reasoning() != null && d.reasoning().length() > 4000) {
            throw CandorException.invalid("reasoning must be at most 4000 characters");
        }
        if (d.subjectType() == SubjectType.MERCHANT && !d.subjectId().equals(d.storeId())) {
            throw CandorException.invalid("a merchant entry's subject is its store: subjectId and storeId must be equal");
        }
    }

    private static void requireText(String name, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw CandorException.invalid(name + " is required (at most " + max + " characters)");
        }
    }
}
