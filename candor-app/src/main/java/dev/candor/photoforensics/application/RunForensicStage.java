package dev.candor.photoforensics.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.aftersales.AfterSalesCases.CaseParties;
import dev.candor.forensics.ForensicReport;
import dev.candor.photoforensics.CasePhotoScans.PhotoScan;
import dev.candor.photoforensics.CasePhotoScans.ScanCompleted;
import dev.candor.photoforensics.CasePhotoScans.ScanUnavailable;
import dev.candor.photoforensics.CasePhotoScans.Signal;
import dev.candor.photoforensics.infrastructure.ForensicStageProperties;
import dev.candor.photoforensics.infrastructure.ScanJobs;
import dev.candor.photoforensics.infrastructure.ScanJobs.Claim;
import dev.candor.photoforensics.model.RetrySchedule;
import dev.candor.photoforensics.model.SignalGrading;
import dev.candor.photoreuse.PhotoReuse;
import dev.candor.shared.security.Actor;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The forensic stage's workers. A run claims one due job, scans the case's photos outside any transaction
 * (photos scanned before against the same listing photos are read from storage), then, in one transaction
 * under its lease: indexes each photo with the photo-reuse index, grades the findings and publishes
 * {@link ScanCompleted}. Photos queued while it scanned send the job round again instead; a failure is tried
 * again after the back-off and after the last attempt publishes {@link ScanUnavailable} {@code FAILED}.
 *
 * <p>Each node runs at most {@code candor.forensics.workers} runs at once on its own threads, started after an
 * evidence photo's transaction commits on this node and by a poll every {@code candor.forensics.poll-interval}
 * (which picks up jobs queued on other nodes, retries and jobs whose node died, and reports jobs that are
 * overdue). Both only with {@code candor.scheduling.enabled}; tests call {@link #runDue()} and
 * {@link #reportOverdue()} themselves.
 */
@Service
public class RunForensicStage {

    private static final Logger log = LoggerFactory.getLogger(RunForensicStage.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final ScanCasePhotos scans;
    private final ScanJobs jobs;
    private final PhotoReuse reuse;
    private final AfterSalesCases cases;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ForensicStageProperties properties;
    private final RetrySchedule retries;
    private final Clock clock;
    private final boolean background;
    private final ExecutorService workers;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean requested = new AtomicBoolean();

    RunForensicStage(ScanCasePhotos scans, ScanJobs jobs, PhotoReuse reuse, AfterSalesCases cases,
                     ApplicationEventPublisher events, TransactionTemplate transactions, ForensicStageProperties properties,
                     Clock clock, @Value("${candor.scheduling.enabled:true}") boolean background) {
        this.scans = scans;
        this.jobs = jobs;
        this.reuse = reuse;
        this.cases = cases;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.retries = properties.retrySchedule();
        this.clock = clock;
        this.background = background;
        this.workers = Executors.newFixedThreadPool(properties.workers(),
                Thread.ofPlatform().name("forensic-scan-", 1).daemon(true).factory());
    }

    /** How one run ended. */
    public enum Outcome {
        /** {@link ScanCompleted} was published. */
        COMPLETED,
        /** Photos were queued during the run; the job is due again at once. */
        RUN_AGAIN,
        /** The run failed and the job is due again after the back-off. */
        RETRYING,
        /** The run failed on the last attempt; {@link ScanUnavailable} {@code FAILED} was published. */
        FAILED,
        /** The run outlived its lease and another run has the job; nothing was recorded. */
        LEASE_LOST
    }

    /** Runs due jobs one after another on the calling thread until none is due; returns how each run ended. */
    public List<Outcome> runDue() {
        List<Outcome> outcomes = new ArrayList<>();
        Optional<Claim> claim;
        while ((claim = claimNext()).isPresent()) {
            outcomes.add(run(claim.get()));
        }
        return outcomes;
    }

    /**
     * Publishes {@link ScanUnavailable} for every job overdue now: {@code FAILED} for jobs whose every attempt
     * ended without a result (the node died each time), {@code LATE} once per wait for jobs pending longer than
     * {@code candor.forensics.stage-deadline}. Returns how many events it published.
     */
    public int reportOverdue() {
        Integer published = transactions.execute(status -> {
            Instant now = clock.instant();
            List<UUID> abandoned = jobs.failAbandoned(now, retries.maxAttempts());
            abandoned.forEach(caseId -> events.publishEvent(new ScanUnavailable(UUID.randomUUID(), now, caseId, ScanUnavailable.FAILED)));
            List<UUID> late = jobs.markLate(now.minus(properties.stageDeadline()), now);
            late.forEach(caseId -> events.publishEvent(new ScanUnavailable(UUID.randomUUID(), now, caseId, ScanUnavailable.LATE)));
            return abandoned.size() + late.size();
        });
        return published == null ? 0 : published;
    }

    @Scheduled(fixedDelayString = "${candor.forensics.poll-interval:200ms}")
    void poll() {
        wake();
        int overdue = reportOverdue();
        if (overdue > 0) {
            log.warn("Reported {} forensic scan(s) unavailable (late or abandoned)", overdue);
        }
    }

    /** Starts workers on this node, up to {@code candor.forensics.workers}, to run due jobs; only in the background mode. */
    void wake() {
        if (!background) {
            return;
        }
        requested.set(true);
        int busy;
        while ((busy = running.get()) < properties.workers()) {
            if (running.compareAndSet(busy, busy + 1)) {
                try {
                    workers.execute(this::drain);
                } catch (RejectedExecutionException shuttingDown) {
                    running.decrementAndGet();
                    return;
                }
            }
        }
    }

    private void drain() {
        try {
            do {
                requested.set(false);
                Optional<Claim> claim;
                while ((claim = claimNext()).isPresent()) {
                    run(claim.get());
                }
            } while (requested.get());
        } catch (RuntimeException e) {
            log.error("The forensic stage's worker stopped; the next poll starts it again", e);
        } finally {
            running.decrementAndGet();
        }
        if (requested.get()) {
            wake();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Forensic scans still running at shutdown; their jobs run again when their lease ends");
            workers.shutdownNow();
        }
    }

    private Optional<Claim> claimNext() {
        return jobs.claimNext(clock.instant(), properties.lease(), retries.maxAttempts());
    }

    /** One run of a claimed job; package-private so that tests can interleave a claim with uploads. */
    Outcome run(Claim claim) {
        try {
            ScanCasePhotos.CaseScan scan = scans.scan(claim.caseId());
            if (!scan.missingOriginals().isEmpty()) {
                throw new IllegalStateException("the originals of evidence " + scan.missingOriginals() + " are missing from the blob store");
            }
            CaseParties parties = cases.partiesVisibleTo(claim.caseId(), Actor.system());
            return transactions.execute(status -> complete(claim, scan.scans(), parties));
        } catch (RuntimeException e) {
            log.warn("Forensic scan of case {} failed on attempt {}", claim.caseId(), claim.attempt(), e);
            return transactions.execute(status -> fail(claim, e));
        }
    }

    private Outcome complete(Claim claim, List<PhotoScan> photoScans, CaseParties parties) {
        Optional<Long> generation = jobs.lockIfLeased(claim);
        if (generation.isEmpty()) {
            return Outcome.LEASE_LOST;
        }
        Instant now = clock.instant();
        if (generation.get() != claim.generation()) {
            jobs.again(claim, now);
            return Outcome.RUN_AGAIN;
        }
        List<Signal> signals = new ArrayList<>();
        for (PhotoScan photo : photoScans.stream().filter(PhotoScan::buyerSide).toList()) {
            var matches = pdqHashes(photo.report())
                    .map(hashes -> reuse.indexClaimPhoto(claim.caseId(), photo.evidenceId(), parties.buyerId(), parties.storeId(), hashes))
                    .orElse(List.of());
            signals.addAll(SignalGrading.grade(photo.evidenceId(), photo.report(), matches, parties.storeId()));
        }
        jobs.done(claim, now);
        events.publishEvent(new ScanCompleted(UUID.randomUUID(), now, claim.caseId(), signals));
        return Outcome.COMPLETED;
    }

    private Outcome fail(Claim claim, RuntimeException error) {
        if (jobs.lockIfLeased(claim).isEmpty()) {
            return Outcome.LEASE_LOST;
        }
        Instant now = clock.instant();
        String message = error.toString();
        message = message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
        Optional<Duration> delay = retries.afterFailedAttempt(claim.attempt());
        if (delay.isPresent()) {
            jobs.retryAt(claim, now.plus(delay.get()), message, now);
            return Outcome.RETRYING;
        }
        jobs.failed(claim, message, now);
        events.publishEvent(new ScanUnavailable(UUID.randomUUID(), now, claim.caseId(), ScanUnavailable.FAILED));
        return Outcome.FAILED;
    }

    /**
     * The hashes the reuse index is given: the photo's eight dihedral PDQ hashes (the original first, so a
     * rotated or mirrored copy is found), unless the photo could not be decoded or its quality is below 50,
     * where PDQ hashes are not fit for matching (Meta's PDQ documentation).
     */
    private static Optional<List<String>> pdqHashes(ForensicReport report) {
        ForensicReport.Pdq pdq = report.pdq();
        if (pdq == null || pdq.quality() < PhotoReuse.QUALITY_FLOOR) {
            return Optional.empty();
        }
        return Optional.of(pdq.dihedrals());
    }
}
