package dev.candor.photoforensics.infrastructure;

import dev.candor.photoforensics.model.RetrySchedule;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The forensic stage's settings ({@code candor.forensics.*}). The poll interval is read by the worker's
 * {@code @Scheduled} annotation as {@code candor.forensics.poll-interval} (default {@code 200ms}).
 *
 * @param workers cases one node scans at once
 * @param scanThreads photos one node scans at once, over all its cases and the one-click checks; {@code 0} (the
 *     default) means one per processor. Each photo takes a whole core for a few hundred milliseconds
 * @param lease how long a claimed job stays with the run that claimed it; a job whose node died runs again
 *     after this. Must exceed the longest scan of a case
 * @param retryBase the delay after the first failed attempt; it doubles per failure
 * @param retryCap the longest delay between attempts
 * @param maxAttempts attempts before a case's scan has failed for good
 * @param stageDeadline how long a case may wait for its scan before it is reported late
 */
@ConfigurationProperties("candor.forensics")
public record ForensicStageProperties(
        @DefaultValue("2") int workers,
        @DefaultValue("0") int scanThreads,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("1s") Duration retryBase,
        @DefaultValue("8s") Duration retryCap,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("30s") Duration stageDeadline) {

    public ForensicStageProperties {
        if (workers < 1 || scanThreads < 0) {
            throw new IllegalArgumentException("candor.forensics.workers must be at least 1 and scan-threads at least 0");
        }
        if (lease.isNegative() || lease.isZero() || stageDeadline.isNegative() || stageDeadline.isZero()) {
            throw new IllegalArgumentException("candor.forensics.lease and stage-deadline must be positive");
        }
        new RetrySchedule(retryBase, retryCap, maxAttempts); // refuses back-off settings that make no sense, at start
    }

    /** The photos scanned at once: {@code scanThreads}, or one per processor when it is 0. */
    public int photoParallelism() {
        return scanThreads == 0 ? Runtime.getRuntime().availableProcessors() : scanThreads;
    }

    public RetrySchedule retrySchedule() {
        return new RetrySchedule(retryBase, retryCap, maxAttempts);
    }
}
