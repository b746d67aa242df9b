package dev.candor.commerce.model;

/**
 * A photo a listing names, with its bytes' description once uploaded.
 *
 * @param shown whether the listing still shows it
 * @param content {@code null} until the order system uploads the bytes
 */
public record StoredPhoto(String listingId, String photoId, String url, boolean shown, PhotoContent content) {
}
