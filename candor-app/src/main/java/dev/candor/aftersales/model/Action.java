package dev.candor.aftersales.model;

/**
 * Everything that can happen to a case. The {@code AUTO_} actions are taken by Candor when a time limit runs out;
 * {@code FAST_APPROVE} when the risk decision approves a request at once for a store that opted in.
 */
public enum Action {
    AGREE,
    REFUSE,
    OFFER_PARTIAL_REFUND,
    ACCEPT_OFFER,
    DECLINE_OFFER,
    ESCALATE,
    SHIP_RETURN,
    CONFIRM_RETURN_RECEIVED,
    PASS_INSPECTION,
    FAIL_INSPECTION,
    SHIP_REPLACEMENT,
    JUDGE,
    ENFORCE,
    CONFIRM_REFUND,
    APPEAL,
    UPHOLD_JUDGMENT,
    OVERTURN_JUDGMENT,
    CANCEL,
    AUTO_AGREE,
    AUTO_CLOSE,
    AUTO_RECEIVE_RETURN,
    AUTO_PASS_INSPECTION,
    AUTO_ENFORCE,
    FAST_APPROVE
}
