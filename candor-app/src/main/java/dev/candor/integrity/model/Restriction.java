package dev.candor.integrity.model;

import dev.candor.integrity.SubjectType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A materialized restriction: what, where ({@code storeId} null: platform-wide), when, and why. */
public record Restriction(UUID id, SubjectType subjectType, String subjectId, RestrictionKind kind, String storeId,
                          Instant startsAt, Instant endsAt, int points, int threshold, int policyVersion, List<UUID> entryIds,
                          Instant createdAt, Instant liftedAt, String liftReason) {

    public Restriction {
        entryIds = List.copyOf(entryIds);
    }

    public boolean inForceAt(Instant now) {
        return liftedAt == null && !startsAt.isAfter(now) && endsAt.isAfter(now);
    }

    public RestrictionDerivation.InForce asInForce() {
        return new RestrictionDerivation.InForce(id, kind, storeId, endsAt, threshold, entryIds);
    }
}
