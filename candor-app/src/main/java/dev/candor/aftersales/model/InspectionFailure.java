package dev.candor.aftersales.model;

/** What the merchant found on inspecting a returned parcel, when it is not the item sold. */
public enum InspectionFailure {
    /** A different or worn item came back (退货掉包). */
    RETURN_SWAP,
    /** Another product than the one sold came back. */
    WRONG_ITEM_RETURNED,
    /** The parcel was empty (虚假退货). */
    EMPTY_PARCEL
}
