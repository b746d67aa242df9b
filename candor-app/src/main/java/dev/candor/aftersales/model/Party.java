package dev.candor.aftersales.model;

/** The roles that move a case: who may take which action is part of the transition table. */
public enum Party {
    BUYER,
    MERCHANT,
    /** Platform reviewers and administrators. */
    PLATFORM,
    /** The order system, through an integration key. */
    ORDER_SYSTEM,
    /** Candor itself, when a time limit runs out. */
    SYSTEM
}
