package dev.candor.forensics.listing;

import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Listing;
import dev.candor.forensics.pdq.Dihedral;
import dev.candor.forensics.pdq.PdqHasher;
import dev.candor.forensics.pdq.PdqResult;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A decoded and hashed listing photo.
 *
 * @param working the photo reduced to at most {@link ListingMatcher#WORKING_SIDE} pixels on its longer side,
 *                {@code null} when it could not be decoded
 * @param pdq     its PDQ hashes, {@code null} when it could not be decoded
 */
public record PreparedListing(String name, BufferedImage working, PdqResult hashes, String problem) implements Listing {

    @Override
    public boolean usable() {
        return hashes != null && hashes.quality() >= PdqHasher.QUALITY_FLOOR;
    }

    @Override
    public ForensicReport.Pdq pdq() {
        return hashes == null ? null : report(hashes);
    }

    /** The report's form of a photo's hashes: hex, with the eight dihedral hashes in {@link Dihedral} order. */
    public static ForensicReport.Pdq report(PdqResult result) {
        return new ForensicReport.Pdq(result.hash().toHex(), result.quality(),
                Arrays.stream(Dihedral.values()).map(d -> result.hashes().get(d).toHex()).toList());
    }
}
