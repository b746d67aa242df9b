package dev.candor.integrity.model;

import dev.candor.integrity.SubjectType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subject's appeal of entries (directly, or of the entries behind a restriction), and its decision once made. */
public record Appeal(UUID id, SubjectType subjectType, String subjectId, String storeId, UUID restrictionId,
                     List<UUID> entryIds, String reason, String filedBy, Instant filedAt, Instant dueAt, int policyVersion,
                     Decision decision, String decisionReason, String decidedBy, Instant decidedAt) {

    public enum Decision { UPHOLD, REVOKE }

    public Appeal {
        entryIds = List.copyOf(entryIds);
    }

    public boolean overdueAt(Instant now) {
        return decision == null && dueAt.isBefore(now);
    }
}
