package dev.candor.aftersales.model;

/** The time limits of the lifecycle; each category standard gives each one a duration. */
public enum TimeLimit {
    /** Merchant answers a request; when it runs out the request is agreed (auto-agree). */
    MERCHANT_RESPONSE,
    /** Buyer answers a partial-refund offer; when it runs out the case closes. */
    OFFER_RESPONSE,
    /** Buyer escalates a refusal to the platform; when it runs out the case closes. */
    ESCALATION,
    /** Buyer ships the return; when it runs out the case closes (auto-close). */
    RETURN_SHIPMENT,
    /** Merchant confirms the return arrived; when it runs out receipt is assumed. */
    RETURN_RECEIPT,
    /** Merchant inspects the return; when it runs out the inspection is passed. */
    INSPECTION,
    /** Platform judges an escalated case; overdue cases surface first in the queue. */
    ARBITRATION,
    /** A judgment is enforced; normally at once. */
    ENFORCEMENT,
    /** Either party appeals a judgment; when it runs out the case closes. */
    APPEAL,
    /** Platform decides an appeal; overdue appeals surface first. */
    APPEAL_REVIEW
}
