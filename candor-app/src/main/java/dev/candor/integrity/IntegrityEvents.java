package dev.candor.integrity;

import dev.candor.shared.events.OutboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events the integrity ledger publishes for the order system (delivered as webhooks). {@code storeId} is
 * the reporting store of a buyer entry, the store of a merchant's, and null for a platform-wide buyer restriction.
 */
public final class IntegrityEvents {

    private IntegrityEvents() {
    }

    /** A confirmed entry was recorded (a duplicate confirmation publishes nothing). */
    public record EntryConfirmed(UUID eventId, Instant occurredAt, UUID entryId, String subjectType, String subjectId,
                                 String storeId, String orderId, String type, int points, int policyVersion, String rule,
                                 Instant expiresAt) implements OutboundEvent {
        @Override
        public String eventType() {
            return "integrity.entry-confirmed";
        }
    }

    /** A restriction (or a merchant ladder step) came into force. */
    public record RestrictionStarted(UUID eventId, Instant occurredAt, UUID restrictionId, String subjectType, String subjectId,
                                     String storeId, String kind, Instant startsAt, Instant endsAt, int policyVersion,
                                     List<UUID> entryIds) implements OutboundEvent {
        @Override
        public String eventType() {
            return "integrity.restriction-started";
        }
    }

    /** A restriction was lifted: {@code reason} ENDED, POINTS_BELOW_THRESHOLD or SUPERSEDED. */
    public record RestrictionLifted(UUID eventId, Instant occurredAt, UUID restrictionId, String subjectType, String subjectId,
                                    String storeId, String kind, String reason) implements OutboundEvent {
        @Override
        public String eventType() {
            return "integrity.restriction-lifted";
        }
    }

    /** A reviewer decided an appeal: UPHOLD or REVOKE. */
    public record AppealDecided(UUID eventId, Instant occurredAt, UUID appealId, String subjectType, String subjectId,
                                String storeId, String decision, List<UUID> entryIds, String reason) implements OutboundEvent {
        @Override
        public String eventType() {
            return "integrity.appeal-decided";
        }
    }
}
