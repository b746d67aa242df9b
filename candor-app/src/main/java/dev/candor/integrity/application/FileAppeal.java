package dev.candor.integrity.application;

import dev.candor.integrity.infrastructure.Appeals;
import dev.candor.integrity.infrastructure.Entries;
import dev.candor.integrity.infrastructure.PenaltyPolicies;
import dev.candor.integrity.infrastructure.Restrictions;
import dev.candor.integrity.infrastructure.SubjectLocks;
import dev.candor.integrity.model.Appeal;
import dev.candor.integrity.model.Entry;
import dev.candor.integrity.model.EntryStatus;
import dev.candor.integrity.model.Restriction;
import dev.candor.integrity.model.Subject;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subject appeals an entry, or a restriction (which appeals the entries behind it), within the appeal
 * window of the policy version each entry was made under. The entries go UNDER_APPEAL and keep counting
 * until a reviewer decides; the review is due within the current policy's review limit.
 */
@Service
public class FileAppeal {

    private final Entries entries;
    private final Restrictions restrictions;
    private final Appeals appeals;
    private final PenaltyPolicies policies;
    private final SubjectLocks locks;
    private final AuditLog audit;
    private final Clock clock;

    FileAppeal(Entries entries, Restrictions restrictions, Appeals appeals, PenaltyPolicies policies, SubjectLocks locks,
               AuditLog audit, Clock clock) {
        this.entries = entries;
        this.restrictions = restrictions;
        this.appeals = appeals;
        this.policies = policies;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Appeal file(Actor actor, UUID entryId, UUID restrictionId, String reason) {
        if ((entryId == null) == (restrictionId == null)) {
            throw CandorException.invalid("name exactly one of entryId and restrictionId");
        }
        Subject subject;
        List<UUID> entryIds;
        if (restrictionId != null) {
            Restriction r = restrictions.find(restrictionId).orElseThrow(() -> CandorException.notFound("restriction", restrictionId));
            subject = new Subject(r.subjectType(), r.subjectId());
            entryIds = r.entryIds();
            requireSubject(actor, subject, "restriction", restrictionId);
        } else {
            Entry e = entries.find(entryId).orElseThrow(() -> CandorException.notFound("entry", entryId));
            subject = new Subject(e.subjectType(), e.subjectId());
            entryIds = List.of(entryId);
            requireSubject(actor, subject, "entry", entryId);
        }
        locks.lock(subject);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Entry> open = entries.lock(entryIds).stream().filter(e -> e.status() == EntryStatus.ACTIVE).toList();
        if (open.isEmpty()) {
            throw new CandorException(ErrorCode.NOT_APPEALABLE, "no entry here is ACTIVE: each is under appeal, decided, revoked or expired");
        }
        List<Entry> inWindow = open.stream().filter(e -> !now.isAfter(deadline(e))).toList();
        if (inWindow.isEmpty()) {
            Instant last = open.stream().map(this::deadline).max(Instant::compareTo).orElseThrow();
            throw new CandorException(ErrorCode.APPEAL_WINDOW_CLOSED, "the appeal window closed at " + last,
                    Map.of("deadline", last.toString()));
        }
        PenaltyPolicies.Version current = policies.current();
        Appeal appeal = new Appeal(UUID.randomUUID(), subject.type(), subject.id(), inWindow.getFirst().storeId(), restrictionId,
                inWindow.stream().map(Entry::id).toList(), reason, actor.id(), now,
                now.plus(current.policy().reviewLimit().duration()), current.version(), null, null, null, null);
        appeals.insert(appeal);
        for (Entry e : inWindow) {
            entries.changeStatus(e.id(), e.status(), EntryStatus.UNDER_APPEAL, actor, reason, appeal.id(), now);
        }
        audit.append(actor, "integrity.appeal-filed", "integrity-appeal", appeal.id().toString(),
                Map.of("subject", subject.type() + ":" + subject.id(), "entryIds", appeal.entryIds(), "reason", reason,
                        "dueAt", appeal.dueAt().toString(), "restrictionId", String.valueOf(restrictionId)));
        return appeal;
    }

    /** The last moment the entry may be appealed: its effective time plus the appeal window of its own policy version. */
    Instant deadline(Entry e) {
        return e.effectiveAt().plus(policies.version(e.policyVersion()).orElseThrow().policy().appealWindow().duration());
    }

    private static void requireSubject(Actor actor, Subject subject, String what, UUID id) {
        if (!SubjectAccess.mayAppeal(actor, subject)) {
            throw CandorException.notFound(what, id);
        }
    }
}
