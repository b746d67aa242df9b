package dev.candor.risk.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a decision may look at, as stored with the decision (replay reads them back). All of it is
 * precomputed or read by key: nothing here scans history at decision time.
 *
 * @param unavailable the names of the feature groups that could not be read; any makes the decision
 *     {@code SEND_TO_REVIEW}
 * @param late whether reading the features took longer than the decision's budget
 */
public record Features(RequestFacts request, List<RestrictionFact> restrictions, History history, Links links,
                       StoreRecord store, EvidenceFacts evidence, ForensicFacts forensics, List<FlagFact> merchantFlags,
                       List<String> unavailable, boolean late) {

    public Features {
        restrictions = List.copyOf(restrictions);
        merchantFlags = List.copyOf(merchantFlags);
        unavailable = List.copyOf(unavailable);
    }

    /**
     * The request and its order.
     *
     * @param hoursSinceDelivery whole hours from delivery to the request; {@code null} when not delivered
     */
    public record RequestFacts(String type, String reason, boolean qualityRelated, long requestedCents, String currency,
                               String category, long orderTotalCents, boolean delivered, Long hoursSinceDelivery) {
    }

    /** A confirmed restriction in force on the buyer at this store, from the integrity ledger. */
    public record RestrictionFact(UUID id, String kind, String storeId, Instant endsAt, List<UUID> entryIds) {
        public RestrictionFact {
            entryIds = List.copyOf(entryIds);
        }
    }

    /** The buyer's earlier after-sales requests (this one not counted) over three windows. */
    public record History(Window days30, Window days90, Window days365) {
    }

    /**
     * @param earlyClaims requests filed soon after delivery (the policy's early-claim hours at the time)
     * @param abusive requests whose orders a confirmed ledger entry judged abusive
     */
    public record Window(int claims, long amountCents, int refundOnly, int earlyClaims, int abusive) {

        public static final Window EMPTY = new Window(0, 0, 0, 0, 0);

        public double refundOnlyShare() {
            return claims == 0 ? 0 : (double) refundOnly / claims;
        }
    }

    /**
     * Other buyers sharing a delivery address, phone, device or payment fingerprint with this one.
     *
     * @param abusiveBuyers how many of them had a request judged abusive in the last 365 days
     */
    public record Links(int linkedBuyers, int abusiveBuyers) {
    }

    /** The store's own record over 90 days: requests and those judged abusive. */
    public record StoreRecord(int claims90, int abusive90) {

        public double abusiveShare() {
            return claims90 == 0 ? 0 : (double) abusive90 / claims90;
        }
    }

    /** Evidence files on the case so far, by media. */
    public record EvidenceFacts(int photos, int videos) {
    }

    /** Where the asynchronous forensic checks stand, and what they found. */
    public record ForensicFacts(Status status, List<Signal> signals) {

        public enum Status { NO_PHOTOS, PENDING, DONE, FAILED, LATE }

        public static final ForensicFacts NONE = new ForensicFacts(Status.NO_PHOTOS, List.of());

        public ForensicFacts {
            signals = List.copyOf(signals);
        }
    }

    /** One forensic finding about one photo; only CONCLUSIVE and STRONG ones drive a decision. */
    public record Signal(UUID evidenceId, String code, String grade, String summaryEn, String summaryZh) {

        public boolean drives() {
            return "CONCLUSIVE".equals(grade) || "STRONG".equals(grade);
        }
    }

    /** A merchant's flag on an evidence photo; {@code confirmed} when the checks bore it out. */
    public record FlagFact(UUID evidenceId, String kind, boolean confirmed) {
    }
}
