package dev.candor.webhooks.model;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: after the n-th consecutive failure the back-off is
 * {@code min(cap, base * 2^(n-1))}, of which a random half is taken off ("equal jitter", so that receivers
 * coming back from an outage are not hit by every node at the same instant while a retry never comes
 * sooner than half the back-off); after {@code maxAttempts} failures the delivery is given up.
 *
 * @param base the back-off after the first failure, positive
 * @param cap the longest back-off, at least {@code base}
 * @param maxAttempts how many attempts a delivery gets before it is dead, at least 1
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

    public RetryPolicy {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 < base <= cap and maxAttempts >= 1, got " + base + ", " + cap + ", " + maxAttempts);
        }
    }

    /** What happens after a failed attempt. */
    public sealed interface NextStep permits RetryAfter, GiveUp {
    }

    /** Try again once the delay has passed. */
    public record RetryAfter(Duration delay) implements NextStep {
    }

    /** The attempts are used up: the delivery is dead until an administrator asks for it again. */
    public record GiveUp() implements NextStep {
    }

    /**
     * @param failures consecutive failed attempts so far, including the one just made (at least 1)
     */
    public NextStep afterFailure(int failures, RandomGenerator random) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        if (failures >= maxAttempts) {
            return new GiveUp();
        }
        Duration backoff = backoff(failures);
        long halfMillis = backoff.toMillis() / 2;
        return new RetryAfter(backoff.minusMillis(random.nextLong(halfMillis + 1)));
    }

    /** The back-off before jitter: doubling from {@code base}, never above {@code cap}. */
    Duration backoff(int failures) {
        Duration backoff = base;
        for (int i = 1; i < failures && backoff.compareTo(cap) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(cap) > 0 ? cap : backoff;
    }
}
