package dev.candor.commerce;

/**
 * A listing photo whose bytes the order system uploaded; read them with
 * {@code BlobStore.open(ListingPhoto.AREA, sha256)}.
 *
 * @param sha256 lower-case hexadecimal SHA-256 of the bytes
 * @param mediaType {@code image/jpeg}, {@code image/png} or {@code image/webp}, checked against the bytes
 * @param listed whether the listing still shows the photo; photos it no longer shows are kept, since a
 *     buyer may still pass one off as their own
 */
public record ListingPhoto(String listingId, String photoId, String sha256, String mediaType, long sizeBytes,
                           boolean listed) {

    /** The blob store area that holds listing photos. */
    public static final String AREA = "listing-photos";
}
