package dev.candor.photoforensics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theDelayDoublesFromTheBaseUpToTheCapAndTheLastAttemptGivesUp() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(5), 5);

        assertThat(schedule.afterFailedAttempt(1)).contains(Duration.ofSeconds(1));
        assertThat(schedule.afterFailedAttempt(2)).contains(Duration.ofSeconds(2));
        assertThat(schedule.afterFailedAttempt(3)).contains(Duration.ofSeconds(4));
        assertThat(schedule.afterFailedAttempt(4)).contains(Duration.ofSeconds(5));
        assertThat(schedule.afterFailedAttempt(5)).isEqualTo(Optional.empty());
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertThat(new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).afterFailedAttempt(1)).isEmpty();
    }

    @Test
    void settingsThatMakeNoSenseAreRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
