package dev.candor.integrity;

import dev.candor.shared.security.Actor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What other modules may ask of the integrity ledger. */
public interface IntegrityLedger {

    /**
     * Where a confirmed entry comes from: a reviewed abuse report, a platform judgment, an automatic
     * detection that a reviewer confirmed, or a reviewer's own finding against a merchant.
     */
    enum Source { REPORT, JUDGMENT, DETECTION, REVIEW }

    /**
     * A confirmed finding to record.
     *
     * @param subjectId the buyer id (BUYER) or the store id (MERCHANT)
     * @param storeId the store where it happened (for a buyer: the reporting store; for a merchant: itself)
     * @param sourceKey identifies the confirmation (for example {@code report:<id>}): recording the same key
     *     twice, by two reviewers or a retried request, records one entry
     */
    record EntryDraft(SubjectType subjectType, String subjectId, String storeId, String orderId, UUID caseId,
                      ViolationType type, Source source, String sourceKey, List<UUID> evidenceIds, String rule,
                      String reasoning) {
        public EntryDraft {
            evidenceIds = List.copyOf(evidenceIds);
        }
    }

    /** The recorded entry; {@code duplicate} when the source key had been recorded before. */
    record EntryRecorded(UUID entryId, boolean duplicate, int points, int policyVersion) {
    }

    /**
     * Records a confirmed entry under the current penalty policy, in the caller's transaction, and applies
     * what it switches on (restrictions, the merchant ladder).
     *
     * @param confirmedBy the reviewer (or admin) whose confirmation this is; never {@link Actor#system()}
     */
    EntryRecorded record(EntryDraft draft, Actor confirmedBy);

    /**
     * An active restriction on a buyer and the entries behind it.
     *
     * @param storeId the store it applies at; {@code null} when platform-wide
     * @param en what it does, in English ("Refund-only requests are disabled")
     * @param zh what it does, in Simplified Chinese
     */
    record ActiveRestriction(UUID id, String kind, String storeId, Instant startsAt, Instant endsAt, List<UUID> entryIds, String en,
                             String zh) {

        /** Whether it applies at the store: platform-wide, or that store's own. */
        public boolean appliesAt(String store) {
            return storeId == null || storeId.equals(store);
        }
    }

    /** The buyer's active restrictions that apply at the store (platform-wide ones and that store's own). */
    List<ActiveRestriction> restrictionsOf(String buyerId, String storeId);

    /**
     * The active restrictions of each of the buyers, wherever they apply (pick a store's with
     * {@link ActiveRestriction#appliesAt}), in one read; a buyer without any is absent.
     */
    Map<String, List<ActiveRestriction>> restrictionsOf(Collection<String> buyerIds);

    /** Orders of the store whose after-sales requests were confirmed abusive; they leave its return and dispute rates. */
    Set<String> ordersJudgedAbusive(String storeId);
}
