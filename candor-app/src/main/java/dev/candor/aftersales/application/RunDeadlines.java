package dev.candor.aftersales.application;

import dev.candor.aftersales.infrastructure.CategoryStandards;
import dev.candor.aftersales.infrastructure.Cases;
import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.aftersales.model.CaseCommand;
import dev.candor.aftersales.model.Outcome;
import dev.candor.aftersales.model.Party;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the automatic action of every case whose time limit has run out (auto-agree, auto-close, ...).
 * Each batch claims its cases with {@code FOR UPDATE SKIP LOCKED}: several nodes running it at once
 * share the work and never act on one case twice.
 */
@Service
public class RunDeadlines {

    private static final Logger log = LoggerFactory.getLogger(RunDeadlines.class);
    private static final int BATCH = 50;

    private final Cases cases;
    private final CategoryStandards standards;
    private final CaseChanges changes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RunDeadlines(Cases cases, CategoryStandards standards, CaseChanges changes, TransactionTemplate transactions, Clock clock) {
        this.cases = cases;
        this.standards = standards;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${candor.aftersales.deadline-interval:PT10S}", initialDelayString = "PT5S")
    void onSchedule() {
        int acted = runDue();
        if (acted > 0) {
            log.info("Acted on {} case(s) whose time limit ran out", acted);
        }
    }

    /** Acts on every case due now; returns how many moved. */
    public int runDue() {
        int total = 0;
        int batch;
        do {
            Integer moved = transactions.execute(status -> runBatch(clock.instant()));
            batch = moved == null ? 0 : moved;
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int runBatch(Instant now) {
        List<UUID> due = cases.claimDue(now, BATCH);
        for (UUID id : due) {
            AfterSalesCase c = cases.find(id).orElseThrow();
            var command = new CaseCommand.Expire(c.deadline().onExpiry());
            Outcome outcome = c.apply(command, Party.SYSTEM, Actor.system().id(), now, standards.forCategory(c.request().category()));
            if (outcome instanceof Outcome.Moved moved) {
                changes.recordMove(c, Actor.system(), moved, List.of(), now);
            } else {
                log.warn("Case {} was due but refused {}: {}", id, command.action(), outcome);
            }
        }
        return due.size();
    }
}
