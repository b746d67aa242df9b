package dev.candor.aftersales;

import dev.candor.shared.security.Actor;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What other modules may ask of after-sales cases. */
public interface AfterSalesCases {

    /**
     * The parties of a case, if the actor may see the case.
     *
     * @throws dev.candor.shared.error.CandorException {@code resource.not-found} when the case does not
     *     exist or the actor may not see it (another store's merchant, another buyer): the two are not told apart
     */
    CaseParties partiesVisibleTo(UUID caseId, Actor actor);

    /**
     * Records on the case timeline that the actor added an evidence file and publishes
     * {@link CaseEvents.EvidenceAdded}; runs in the caller's transaction.
     */
    void recordEvidenceAdded(UUID caseId, Actor actor, UUID evidenceId, String evidenceKind);

    /**
     * Records on the case timeline something the platform found or decided that does not move the case
     * (a risk decision, for example); runs in the caller's transaction.
     *
     * @param rule the rule or policy version it follows, shown with the entry
     */
    void recordOnTimeline(UUID caseId, Actor actor, String action, String rule, List<UUID> evidenceIds, Map<String, Object> detail);

    /**
     * Approves a request at once on the risk decision's word: a refund-only request goes to refunding (the order
     * system is asked to refund), a return or exchange to awaiting the return. Runs in the caller's transaction.
     *
     * @return false when the case has moved on from the request (answered, cancelled) and nothing changed
     */
    boolean approveAtOnce(UUID caseId);

    /**
     * Who is party to a case.
     *
     * @param open whether the case is still open (not closed or cancelled)
     * @param judged whether the platform has judged the case
     */
    record CaseParties(UUID caseId, String storeId, String buyerId, String orderId, boolean open, boolean judged) {
    }
}
