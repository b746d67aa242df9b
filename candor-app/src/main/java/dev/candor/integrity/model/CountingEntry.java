package dev.candor.integrity.model;

import java.time.Instant;
import java.util.UUID;

/** An entry whose points still count (its status counts), as the derivation sees it. */
public record CountingEntry(UUID id, String storeId, int points, Instant effectiveAt, Instant expiresAt) {

    public boolean activeAt(Instant now) {
        return !effectiveAt.isAfter(now) && expiresAt.isAfter(now);
    }
}
