package dev.candor.aftersales;

import dev.candor.shared.events.OutboundEvent;
import dev.candor.shared.security.ActorKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events the after-sales module publishes: those implementing {@link OutboundEvent} are delivered to the
 * order system as webhooks; the others are for the modules of this service only.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    /**
     * A buyer filed an after-sales request. Amounts are in minor units.
     *
     * @param qualityRelated whether the reason is about the goods' quality (and so under the category's quality window)
     * @param category the order's category, whose after-sales standard the case follows
     * @param orderTotalCents what the order cost
     * @param deliveredAt when the order was delivered; {@code null} when it has not been
     */
    public record CaseCreated(UUID eventId, Instant occurredAt, UUID caseId, String storeId, String orderId, String buyerId,
                              String type, String reason, boolean qualityRelated, long requestedCents, String currency,
                              String category, long orderTotalCents, Instant deliveredAt)
            implements OutboundEvent {
        @Override
        public String eventType() {
            return "case.created";
        }
    }

    /** A case moved from one state to another; {@code actorKind} says who moved it (SYSTEM for time limits). */
    public record CaseStateChanged(UUID eventId, Instant occurredAt, UUID caseId, String storeId, String orderId,
                                   String action, String from, String to, String actorKind, String rule) implements OutboundEvent {
        @Override
        public String eventType() {
            return "case.state-changed";
        }
    }

    /** The platform judged an escalated case (or replaced its judgment on appeal). */
    public record JudgmentIssued(UUID eventId, Instant occurredAt, UUID caseId, String storeId, String orderId,
                                 String outcome, long amountCents, String rule, String reasoning) implements OutboundEvent {
        @Override
        public String eventType() {
            return "case.judgment-issued";
        }
    }

    /** The order system should refund the buyer now and confirm it with the case's refund confirmation. */
    public record RefundRequested(UUID eventId, Instant occurredAt, UUID caseId, String storeId, String orderId,
                                  String buyerId, long amountCents, String currency) implements OutboundEvent {
        @Override
        public String eventType() {
            return "case.refund-requested";
        }
    }

    /**
     * The order system is filing a batch of requests by these buyers; published in the batch's transaction before
     * the first is filed, for this service's modules only (the risk module reads the buyers' facts at once). Not a
     * webhook.
     */
    public record BatchFiling(Instant occurredAt, List<String> buyerIds) {
        public BatchFiling {
            buyerIds = List.copyOf(buyerIds);
        }
    }

    /**
     * An evidence file was added to a case; published in the transaction that recorded it, for this service's
     * modules only (the forensic stage queues a scan, the risk module revises its decision). Not a webhook.
     *
     * @param evidenceKind {@code PHOTO}, {@code VIDEO} or {@code CHAT_EXPORT}
     * @param uploaderKind who filed it: only the buyer's side's files are evidence for the buyer's request
     */
    public record EvidenceAdded(UUID eventId, Instant occurredAt, UUID caseId, String storeId, String buyerId,
                                UUID evidenceId, String evidenceKind, ActorKind uploaderKind) {

        /** Filed by the buyer (or the order system for the buyer), so evidence for the buyer's request. */
        public boolean fromBuyerSide() {
            return uploaderKind.speaksForBuyer();
        }
    }
}
