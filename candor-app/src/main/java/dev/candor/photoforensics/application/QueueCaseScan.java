package dev.candor.photoforensics.application;

import dev.candor.aftersales.CaseEvents;
import dev.candor.photoforensics.infrastructure.ScanJobs;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues a scan of the case for every photo added to it, in the evidence file's transaction (so the job and
 * the file commit together), and once that transaction commits wakes this node's workers instead of leaving
 * the job to the next poll.
 */
@Component
class QueueCaseScan {

    private static final String PHOTO = "PHOTO";

    private final ScanJobs jobs;
    private final RunForensicStage stage;
    private final Clock clock;

    QueueCaseScan(ScanJobs jobs, RunForensicStage stage, Clock clock) {
        this.jobs = jobs;
        this.stage = stage;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(CaseEvents.EvidenceAdded added) {
        if (PHOTO.equals(added.evidenceKind()) && added.fromBuyerSide()) {
            jobs.queue(added.caseId(), clock.instant());
        }
    }

    @TransactionalEventListener
    public void wakeAfterCommit(CaseEvents.EvidenceAdded added) {
        if (PHOTO.equals(added.evidenceKind()) && added.fromBuyerSide()) {
            stage.wake();
        }
    }
}
