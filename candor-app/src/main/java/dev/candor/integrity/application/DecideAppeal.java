package dev.candor.integrity.application;

import dev.candor.integrity.IntegrityEvents.AppealDecided;
import dev.candor.integrity.infrastructure.Appeals;
import dev.candor.integrity.infrastructure.Entries;
import dev.candor.integrity.infrastructure.SubjectLocks;
import dev.candor.integrity.model.Appeal;
import dev.candor.integrity.model.Entry;
import dev.candor.integrity.model.EntryStatus;
import dev.candor.integrity.model.Subject;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer upholds or revokes the entries of an appeal, with reasons. Revoking lifts the restrictions that
 * depended on them in the same transaction, so no reader ever sees a revoked entry's restriction in force.
 */
@Service
public class DecideAppeal {

    private final Appeals appeals;
    private final Entries entries;
    private final SubjectLocks locks;
    private final ApplyRestrictions restrictions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DecideAppeal(Appeals appeals, Entries entries, SubjectLocks locks, ApplyRestrictions restrictions, AuditLog audit,
                 ApplicationEventPublisher events, Clock clock) {
        this.appeals = appeals;
        this.entries = entries;
        this.locks = locks;
        this.restrictions = restrictions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Appeal decide(Actor actor, UUID appealId, Appeal.Decision decision, String reason) {
        actor.require(ActorKind.REVIEWER, ActorKind.ADMIN);
        Appeal appeal = appeals.lock(appealId).orElseThrow(() -> CandorException.notFound("appeal", appealId));
        if (appeal.decision() != null) {
            throw new CandorException(ErrorCode.APPEAL_ALREADY_DECIDED, "appeal " + appealId + " was decided " + appeal.decision()
                    + " at " + appeal.decidedAt());
        }
        Subject subject = new Subject(appeal.subjectType(), appeal.subjectId());
        locks.lock(subject);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EntryStatus outcome = decision == Appeal.Decision.REVOKE ? EntryStatus.REVOKED : EntryStatus.UPHELD;
        for (Entry e : entries.lock(appeal.entryIds())) {
            if (e.status().mayBecome(outcome)) {
                entries.changeStatus(e.id(), e.status(), outcome, actor, reason, appealId, now);
            }
        }
        appeals.decide(appealId, decision, reason, actor.id(), now);
        audit.append(actor, "integrity.appeal-decided", "integrity-appeal", appealId.toString(),
                Map.of("decision", decision.name(), "reason", reason, "entryIds", appeal.entryIds(), "overdue", appeal.overdueAt(now)));
        events.publishEvent(new AppealDecided(UUID.randomUUID(), now, appealId, subject.type().name(), subject.id(),
                appeal.storeId(), decision.name(), appeal.entryIds(), reason));
        restrictions.apply(subject, actor, now);
        return appeals.find(appealId).orElseThrow();
    }
}
