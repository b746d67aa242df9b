package dev.candor.integrity;

/**
 * What an entry is for. Buyer-side types are what merchants report (PRODUCT.md, account integrity system);
 * merchant-side types are the platform's findings against a store.
 */
public enum ViolationType {
    ABNORMAL_REFUND_ONLY(SubjectType.BUYER),
    RETURN_SWAP(SubjectType.BUYER),
    FAKE_RETURN(SubjectType.BUYER),
    WEB_IMAGE(SubjectType.BUYER),
    EDITED_IMAGE(SubjectType.BUYER),
    AI_GENERATED_IMAGE(SubjectType.BUYER),
    BAD_REVIEW_EXTORTION(SubjectType.BUYER),
    MALICIOUS_COMPLAINT(SubjectType.BUYER),
    FORGED_EVIDENCE(SubjectType.MERCHANT),
    FLAWED_FULFILMENT(SubjectType.MERCHANT),
    MALICIOUS_REPORTING(SubjectType.MERCHANT);

    private final SubjectType subject;

    ViolationType(SubjectType subject) {
        this.subject = subject;
    }

    /** Whose record this type of entry goes on. */
    public SubjectType subject() {
        return subject;
    }
}
