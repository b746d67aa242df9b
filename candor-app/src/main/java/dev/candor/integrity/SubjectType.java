package dev.candor.integrity;

/** Whose record an entry is on: a buyer (by the order system's buyer id) or a merchant (by store id). */
public enum SubjectType {
    BUYER,
    MERCHANT
}
