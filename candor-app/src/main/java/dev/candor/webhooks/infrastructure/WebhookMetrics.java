package dev.candor.webhooks.infrastructure;

import dev.candor.webhooks.model.AttemptOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Webhook metrics, registered at start so they are scraped before the first delivery. In Prometheus:
 * {@code candor_webhooks_deliveries_total{outcome="delivered|failed|dead"}} (attempts by outcome),
 * {@code candor_webhooks_delivery_duration_seconds} (attempt durations, by outcome) and
 * {@code candor_webhooks_outbox_backlog} (pending deliveries of active subscriptions, read from the
 * database at each scrape, so every node reports the same cluster-wide number).
 */
@Component
public class WebhookMetrics {

    private final Map<AttemptOutcome, Counter> attempts = new EnumMap<>(AttemptOutcome.class);
    private final Map<AttemptOutcome, Timer> durations = new EnumMap<>(AttemptOutcome.class);

    WebhookMetrics(MeterRegistry registry, Outbox outbox) {
        for (AttemptOutcome outcome : AttemptOutcome.values()) {
            String tag = outcome.name().toLowerCase();
            attempts.put(outcome, Counter.builder("candor.webhooks.deliveries")
                    .description("Webhook delivery attempts by outcome").tag("outcome", tag).register(registry));
            durations.put(outcome, Timer.builder("candor.webhooks.delivery.duration")
                    .description("Time from posting a webhook to the receiver's answer or the error").tag("outcome", tag)
                    .register(registry));
        }
        Gauge.builder("candor.webhooks.outbox.backlog", outbox, Outbox::backlog).strongReference(true)
                .description("Webhook deliveries waiting for their first or next attempt").register(registry);
    }

    public void attempted(AttemptOutcome outcome, Duration duration) {
        attempts.get(outcome).increment();
        durations.get(outcome).record(duration);
    }
}
