package dev.candor.webhooks.model;

/** What one delivery attempt came to. */
public enum AttemptOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** No 2xx answer (another status, a timeout, a refused connection); another attempt is scheduled. */
    FAILED,
    /** No 2xx answer and no attempts left. */
    DEAD
}
