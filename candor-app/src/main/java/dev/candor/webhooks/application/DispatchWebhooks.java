package dev.candor.webhooks.application;

import dev.candor.webhooks.infrastructure.Outbox;
import dev.candor.webhooks.infrastructure.WebhookClient;
import dev.candor.webhooks.infrastructure.WebhookMetrics;
import dev.candor.webhooks.infrastructure.WebhookProperties;
import dev.candor.webhooks.model.AttemptOutcome;
import dev.candor.webhooks.model.DeliveryAttempt;
import dev.candor.webhooks.model.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due webhooks. Each round claims up to {@code candor.webhooks.batch-size} due rows (skipping rows
 * another node holds), posts them in parallel on virtual threads outside any transaction, then records each
 * attempt: 2xx is delivered; anything else, a timeout or a refused connection is retried after the
 * {@link RetryPolicy} back-off, or dead when the attempts are used up. Every node runs rounds every
 * {@code candor.webhooks.poll-interval}; the claim makes them share the rows instead of repeating them.
 */
@Component
public class DispatchWebhooks {

    private static final Logger log = LoggerFactory.getLogger(DispatchWebhooks.class);

    private final Outbox outbox;
    private final WebhookClient client;
    private final WebhookMetrics metrics;
    private final WebhookProperties properties;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    DispatchWebhooks(Outbox outbox, WebhookClient client, WebhookMetrics metrics, WebhookProperties properties, Clock clock) {
        this.outbox = outbox;
        this.client = client;
        this.metrics = metrics;
        this.properties = properties;
        this.retryPolicy = properties.retryPolicy();
        this.clock = clock;
    }

    /**
     * What one round did.
     *
     * @param claimed rows this round claimed
     * @param delivered of those, answered 2xx
     * @param failed of those, failed and scheduled again
     * @param dead of those, failed for the last time
     */
    public record Round(int claimed, int delivered, int failed, int dead) {
    }

    @Scheduled(fixedDelayString = "${candor.webhooks.poll-interval:1s}")
    void scheduledRound() {
        dispatchDue();
    }

    /**
     * Runs one dispatch round now and returns when every claimed row's attempt is recorded. Safe to call
     * concurrently, on one node or many: no row is claimed by two rounds while its lease lasts.
     */
    public Round dispatchDue() {
        List<Outbox.Claimed> claimed = outbox.claimDue(clock.instant(), properties.lease(), properties.batchSize());
        if (claimed.isEmpty()) {
            return new Round(0, 0, 0, 0);
        }
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger dead = new AtomicInteger();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Outbox.Claimed row : claimed) {
                senders.execute(() -> {
                    try {
                        switch (attempt(row)) {
                            case DELIVERED -> delivered.incrementAndGet();
                            case FAILED -> failed.incrementAndGet();
                            case DEAD -> dead.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        log.error("Could not record webhook attempt {} of outbox row {}; it is retried when its lease ends",
                                row.attempt(), row.outboxId(), e);
                    }
                });
            }
        }
        return new Round(claimed.size(), delivered.get(), failed.get(), dead.get());
    }

    private AttemptOutcome attempt(Outbox.Claimed row) {
        Instant attemptedAt = clock.instant();
        String signature = row.secret().signatureHeader(attemptedAt.getEpochSecond(), row.payload());
        WebhookClient.Result result = client.post(row.url(), row.payload(), row.eventId().toString(), row.eventType(), signature);
        AttemptOutcome outcome;
        Instant nextAttemptAt = attemptedAt;
        if (result.successful()) {
            outcome = AttemptOutcome.DELIVERED;
        } else {
            switch (retryPolicy.afterFailure(row.failuresBefore() + 1, ThreadLocalRandom.current())) {
                case RetryPolicy.RetryAfter(var delay) -> {
                    outcome = AttemptOutcome.FAILED;
                    nextAttemptAt = attemptedAt.plus(delay);
                }
                case RetryPolicy.GiveUp() -> outcome = AttemptOutcome.DEAD;
            }
        }
        outbox.record(row, new DeliveryAttempt(row.attempt(), attemptedAt, result.duration().toMillis(), result.statusCode(),
                result.error(), outcome), nextAttemptAt);
        metrics.attempted(outcome, result.duration());
        String failure = result.statusCode() != null ? "HTTP " + result.statusCode() : result.error();
        switch (outcome) {
            case FAILED -> log.info("Webhook {} ({}) to {} failed on attempt {}: {}; retrying at {}", row.eventId(),
                    row.eventType(), row.url(), row.attempt(), failure, nextAttemptAt);
            case DEAD -> log.warn("Webhook {} ({}) to {} failed on attempt {}: {}; giving up, it is DEAD until redelivered",
                    row.eventId(), row.eventType(), row.url(), row.attempt(), failure);
            case DELIVERED -> { }
        }
        return outcome;
    }
}
