package dev.candor.forensics.listing;

import dev.candor.forensics.Listing;
import dev.candor.forensics.pdq.PdqResult;

import java.awt.image.BufferedImage;

/**
 * A decoded and hashed listing photo.
 *
 * @param working the photo reduced to at most {@link ListingMatcher#WORKING_SIDE} pixels on its longer side,
 *                {@code null} when it could not be decoded
 * @param pdq     its PDQ hashes, {@code null} when it could not be decoded
 */
public record PreparedListing(String name, BufferedImage working, PdqResult pdq, String problem) implements Listing {

    @Override
    public boolean usable() {
        return pdq != null && pdq.quality() >= dev.candor.forensics.pdq.PdqHasher.QUALITY_FLOOR;
    }
}
