package dev.candor.integrity.application;

import dev.candor.integrity.infrastructure.Entries;
import dev.candor.integrity.infrastructure.Restrictions;
import dev.candor.integrity.infrastructure.SubjectLocks;
import dev.candor.integrity.model.Subject;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks decayed entries EXPIRED and lifts restrictions whose end has come, one subject per transaction under
 * the subject's lock. The standing query never waits for this (a restriction's end already accounts for
 * decay); the sweep records the lift and tells the order system. Several nodes may sweep at once: the
 * recompute is idempotent, so the second one to take a subject's lock finds nothing left to do.
 */
@Service
public class SweepIntegrity {

    private static final Logger log = LoggerFactory.getLogger(SweepIntegrity.class);
    private static final int BATCH = 500;

    private final Entries entries;
    private final Restrictions restrictions;
    private final SubjectLocks locks;
    private final ApplyRestrictions apply;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SweepIntegrity(Entries entries, Restrictions restrictions, SubjectLocks locks, ApplyRestrictions apply,
                   TransactionTemplate transactions, Clock clock) {
        this.entries = entries;
        this.restrictions = restrictions;
        this.locks = locks;
        this.apply = apply;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${candor.integrity.sweep-interval:PT1M}", initialDelayString = "PT15S")
    void onSchedule() {
        int swept = sweep();
        if (swept > 0) {
            log.info("Integrity sweep brought {} record(s) up to date", swept);
        }
    }

    /** Brings every subject with something due up to date; returns how many subjects it visited. */
    public int sweep() {
        Instant now = clock.instant();
        Set<Subject> due = new LinkedHashSet<>(entries.subjectsWithExpiredEntries(now, BATCH));
        due.addAll(restrictions.subjectsWithEnded(now, BATCH));
        for (Subject subject : due) {
            transactions.executeWithoutResult(status -> {
                locks.lock(subject);
                apply.apply(subject, Actor.system(), now);
            });
        }
        return due.size();
    }
}
