package dev.candor.integrity.model;

import dev.candor.integrity.IntegrityLedger.Source;
import dev.candor.integrity.SubjectType;
import dev.candor.integrity.ViolationType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recorded entry with its current status (the projection of its status events). */
public record Entry(UUID id, SubjectType subjectType, String subjectId, String storeId, String orderId, UUID caseId,
                    ViolationType type, int points, int policyVersion, Source source, String sourceKey, List<UUID> evidenceIds,
                    String rule, String reasoning, String confirmedBy, Instant effectiveAt, Instant expiresAt,
                    EntryStatus status, Instant statusSince) {

    public Entry {
        evidenceIds = List.copyOf(evidenceIds);
    }

    public CountingEntry counting() {
        return new CountingEntry(id, storeId, points, effectiveAt, expiresAt);
    }
}
