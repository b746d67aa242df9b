package dev.candor.photoforensics.model;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed scan runs again: after the n-th attempt failed, {@code min(cap, base * 2^(n-1))} later; after
 * {@code maxAttempts} attempts the scan has failed for good. No jitter: each case has one job, so retries of
 * different cases are not synchronised by anything.
 *
 * @param base the delay after the first failed attempt, positive
 * @param cap the longest delay, at least {@code base}
 * @param maxAttempts attempts a job gets, at least 1
 */
public record RetrySchedule(Duration base, Duration cap, int maxAttempts) {

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 < base <= cap and maxAttempts >= 1, got " + base + ", " + cap + ", " + maxAttempts);
        }
    }

    /** The delay before the next attempt after attempt number {@code attempt} (from 1) failed; empty when it was the last. */
    public Optional<Duration> afterFailedAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = base;
        for (int i = 1; i < attempt && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(cap) > 0 ? cap : delay);
    }
}
