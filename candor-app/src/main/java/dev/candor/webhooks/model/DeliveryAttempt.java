package dev.candor.webhooks.model;

import java.time.Instant;

/**
 * One entry of the delivery log.
 *
 * @param attempt 1 for the first attempt of the delivery, counting on across redelivery requests
 * @param durationMillis wall time from sending to the answer or the error
 * @param statusCode the receiver's HTTP status, or {@code null} when no response arrived
 * @param error why no response arrived (timeout, refused connection, ...), or {@code null}
 */
public record DeliveryAttempt(int attempt, Instant attemptedAt, long durationMillis, Integer statusCode, String error,
                              AttemptOutcome outcome) {
}
