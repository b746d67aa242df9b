package dev.candor.webhooks.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 12);

    @Test
    void backOffDoublesFromTheBaseUpToTheCap() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(policy.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.backoff(11)).isEqualTo(Duration.ofHours(1));
        assertThat(new RetryPolicy(Duration.ofSeconds(1), Duration.ofDays(1), Integer.MAX_VALUE).backoff(10_000))
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void jitterKeepsEveryDelayBetweenHalfAndAllOfTheBackOff() {
        SplittableRandom random = new SplittableRandom(42);
        for (int failures = 1; failures < 12; failures++) {
            Duration backoff = policy.backoff(failures);
            for (int i = 0; i < 200; i++) {
                var step = policy.afterFailure(failures, random);
                assertThat(step).isInstanceOf(RetryPolicy.RetryAfter.class);
                Duration delay = ((RetryPolicy.RetryAfter) step).delay();
                assertThat(delay).isBetween(backoff.dividedBy(2), backoff);
            }
        }
    }

    @Test
    void jitterSpreadsTheDelays() {
        SplittableRandom random = new SplittableRandom(7);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> policy.afterFailure(3, random))
                .distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        assertThat(policy.afterFailure(11, new SplittableRandom())).isInstanceOf(RetryPolicy.RetryAfter.class);
        assertThat(policy.afterFailure(12, new SplittableRandom())).isInstanceOf(RetryPolicy.GiveUp.class);
        assertThat(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).afterFailure(1, new SplittableRandom()))
                .isInstanceOf(RetryPolicy.GiveUp.class);
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofHours(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
