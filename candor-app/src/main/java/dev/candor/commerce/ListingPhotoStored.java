package dev.candor.commerce;

/**
 * Published in the transaction that stored new bytes for a listing photo (first upload or replacement), for
 * modules that index listing photos. In-process only; not a webhook.
 *
 * @param sha256 lower-case hexadecimal SHA-256 of the bytes, their key in {@link ListingPhoto#AREA}
 */
public record ListingPhotoStored(String storeId, String listingId, String photoId, String sha256) {
}
