package dev.candor.aftersales.model;

/** Why the buyer asks; quality-related reasons fall under the category's reporting window. */
public enum CaseReason {
    QUALITY_PROBLEM(true),
    NOT_AS_DESCRIBED(true),
    DAMAGED_IN_TRANSIT(true),
    WRONG_ITEM(false),
    MISSING_ITEM(false),
    NO_LONGER_WANTED(false),
    OTHER(false);

    private final boolean qualityRelated;

    CaseReason(boolean qualityRelated) {
        this.qualityRelated = qualityRelated;
    }

    public boolean qualityRelated() {
        return qualityRelated;
    }
}
