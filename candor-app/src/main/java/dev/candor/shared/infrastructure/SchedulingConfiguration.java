package dev.candor.shared.infrastructure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work (deadlines, webhook delivery, clean-up) runs on every node; each job claims its rows
 * with {@code FOR UPDATE SKIP LOCKED}, so nodes share the work instead of repeating it. Tests switch it
 * off with {@code candor.scheduling.enabled=false} and run the jobs themselves after moving the clock.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "candor.scheduling.enabled", matchIfMissing = true)
@EnableScheduling
class SchedulingConfiguration {
}
