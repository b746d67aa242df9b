package dev.candor.photoforensics.application;

import dev.candor.testing.MutableClock;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives a second node started by {@link ForensicStageIT} the test's clock, so that both nodes agree on what is
 * due. Top-level rather than nested, so that it does not join the shared test context.
 */
@TestConfiguration(proxyBeanMethods = false)
class SecondNodeClock {

    static volatile MutableClock clock;

    @Bean
    @Primary
    Clock testClockOfTheFirstNode() {
        return clock;
    }
}
